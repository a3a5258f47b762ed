using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Scheduling;
using IroPortal.Users.Models;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IroPortal.Users.Services;

/// <summary>A session as its owner sees it on "Your sessions".</summary>
public sealed record OpenSession(string Id, string Device, string IpAddress, DateTime SignedInUtc, DateTime LastSeenUtc, bool IsThisOne);

/// <summary>
/// The sign-in cookie's sessions, kept in the database so that every node sees the same ones: the cookie carries
/// a random key, the row (found by the key's hash) carries the encrypted ticket. A session ends when its row goes:
/// at sign-out, when an administrator disables the user or resets their two-factor, when the password changes,
/// when its owner ends it, after <see cref="SecurityOptions.SessionIdleMinutes"/> unused, and
/// <see cref="SecurityOptions.SessionAbsoluteHours"/> after sign-in however active.
/// </summary>
public sealed class UserSessions(IServiceScopeFactory scopes, IDataProtectionProvider protection, IOptionsMonitor<SecurityOptions> security, TimeProvider clock) : ITicketStore
{
    /// <summary>When the person signed in, kept across the refreshes of one sign-in so the absolute lifetime holds.</summary>
    public const string SignedInAtClaim = "iroportal:signed_in_at";

    private const string CurrentItem = "iroportal.session";
    private const string ClaimsItem = "iroportal.session.claims";
    // LastSeen is written at most once a minute: enough for a 30-minute idle timeout, and no write per request.
    private static readonly TimeSpan SeenPrecision = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector = protection.CreateProtector("IroPortal.Users.Sessions");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var key = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = Now;
        var signedIn = ticket.Principal.FindFirst(SignedInAtClaim) is { } claim && DateTime.TryParse(claim.Value, null, System.Globalization.DateTimeStyles.RoundtripKind, out var at) ? at : now;
        var session = new UserSession
        {
            Id = Hash(key),
            UserId = ticket.Principal.UserId() ?? throw new InvalidOperationException("A session needs a signed-in user."),
            SignedInUtc = signedIn,
            LastSeenUtc = now,
            ConfirmedUtc = now, // giving the password (and code) to sign in is a confirmation
            Device = DeviceName.From(httpContext.Request.Headers.UserAgent.ToString()),
            IpAddress = httpContext.Connection.RemoteIpAddress?.ToString() ?? "",
            Ticket = Protect(ticket),
        };
        await Use(async db =>
        {
            db.Set<UserSession>().Add(session);
            await db.SaveChangesAsync(cancellationToken);
        });
        httpContext.Items[CurrentItem] = session.Id;
        return key;
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = Hash(key);
        var now = Now;
        var options = security.CurrentValue;
        return await Use(async db =>
        {
            var session = await db.Set<UserSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (session is null) return null;
            var ticket = Unprotect(session.Ticket);
            if (ticket is null || now - session.LastSeenUtc > options.IdleTimeout || now - session.SignedInUtc > options.AbsoluteLifetime)
            {
                await db.Set<UserSession>().Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
                return null;
            }
            if (now - session.LastSeenUtc >= SeenPrecision)
                await db.Set<UserSession>().Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenUtc, now), cancellationToken);
            // The server's record decides when the session ends, not the expiry written into an old cookie.
            ticket.Properties.IssuedUtc = now;
            ticket.Properties.ExpiresUtc = now + options.IdleTimeout;
            httpContext.Items[CurrentItem] = id;
            httpContext.Items[ClaimsItem] = Fingerprint(ticket);
            return ticket;
        });
    }

    /// <summary>Signing in again within a session (a new password, two-factor just set up) renews it with the new
    /// sign-in, which is stored. The renewal the security-stamp check asks for at every request carries the same
    /// claims, and is not written: the row, not the cookie, says when the session ends.</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var claims = Fingerprint(ticket);
        if (httpContext.Items[ClaimsItem] as string == claims) return;
        var id = Hash(key);
        var protectedTicket = Protect(ticket);
        await Use(db => db.Set<UserSession>().Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, protectedTicket), cancellationToken));
        httpContext.Items[ClaimsItem] = claims;
    }

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = Hash(key);
        return Use(db => db.Set<UserSession>().Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken));
    }

    // The cookie handler calls the overloads with the request; these are for callers without one.
    public Task<string> StoreAsync(AuthenticationTicket ticket) => throw new NotSupportedException("Sessions are stored from a request.");
    public Task RenewAsync(string key, AuthenticationTicket ticket) => throw new NotSupportedException("Sessions are renewed from a request.");
    public Task<AuthenticationTicket?> RetrieveAsync(string key) => throw new NotSupportedException("Sessions are read from a request.");
    public Task RemoveAsync(string key) => throw new NotSupportedException("Sessions are removed from a request.");

    /// <summary>The id of the session this request belongs to, if it has one.</summary>
    public static string? CurrentId(HttpContext context) => context.Items[CurrentItem] as string;

    public async Task<IReadOnlyList<OpenSession>> ListAsync(Guid userId, HttpContext context)
    {
        var current = CurrentId(context);
        var cutoffIdle = Now - security.CurrentValue.IdleTimeout;
        var cutoffAbsolute = Now - security.CurrentValue.AbsoluteLifetime;
        return await Use(async db => (await db.Set<UserSession>().AsNoTracking()
                .Where(s => s.UserId == userId && s.LastSeenUtc > cutoffIdle && s.SignedInUtc > cutoffAbsolute)
                .Select(s => new { s.Id, s.Device, s.IpAddress, s.SignedInUtc, s.LastSeenUtc }).ToListAsync())
            .OrderByDescending(s => s.Id == current).ThenByDescending(s => s.LastSeenUtc)
            .Select(s => new OpenSession(s.Id, s.Device, s.IpAddress, s.SignedInUtc, s.LastSeenUtc, s.Id == current)).ToList());
    }

    /// <summary>Ends one of the user's sessions; false if it was not theirs or had already ended.</summary>
    public Task<bool> EndAsync(Guid userId, string sessionId) =>
        Use(async db => await db.Set<UserSession>().Where(s => s.UserId == userId && s.Id == sessionId).ExecuteDeleteAsync() > 0);

    /// <summary>Ends every session of the user, on every node at its next request, except the one named.</summary>
    public Task<int> EndAllAsync(Guid userId, string? except = null) =>
        Use(db => db.Set<UserSession>().Where(s => s.UserId == userId && s.Id != except).ExecuteDeleteAsync());

    /// <summary>Whether the password (and code) were given in this session within the confirmation window.</summary>
    public async Task<bool> ConfirmedRecentlyAsync(HttpContext context)
    {
        if (CurrentId(context) is not { } id) return false;
        var since = Now - TimeSpan.FromMinutes(security.CurrentValue.ConfirmationMinutes);
        return await Use(db => db.Set<UserSession>().AnyAsync(s => s.Id == id && s.ConfirmedUtc >= since));
    }

    public async Task MarkConfirmedAsync(HttpContext context)
    {
        if (CurrentId(context) is not { } id) return;
        var now = Now;
        await Use(db => db.Set<UserSession>().Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmedUtc, now)));
    }

    private async Task<T> Use<T>(Func<PortalDbContext, Task<T>> work)
    {
        // The cookie handler holds this store for the life of the portal; each use takes a database context of its own.
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private Task Use(Func<PortalDbContext, Task> work) => Use(async db => { await work(db); return true; });

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] data)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(data));
        }
        catch (CryptographicException)
        {
            return null; // written under keys the portal no longer has: the session simply ends
        }
    }

    private static string Fingerprint(AuthenticationTicket ticket) =>
        string.Join('\n', ticket.Principal.Claims.Select(c => c.Type + "=" + c.Value).Order(StringComparer.Ordinal));

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>"Firefox on Windows": enough for a person to recognise their own devices, from the user agent.</summary>
public static class DeviceName
{
    public static string From(string userAgent)
    {
        var browser = userAgent switch
        {
            _ when userAgent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when userAgent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when userAgent.Contains("Chrome/", StringComparison.Ordinal) || userAgent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when userAgent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => "A browser",
        };
        var system = userAgent switch
        {
            _ when userAgent.Contains("iPhone", StringComparison.Ordinal) => "iPhone",
            _ when userAgent.Contains("iPad", StringComparison.Ordinal) => "iPad",
            _ when userAgent.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when userAgent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when userAgent.Contains("Mac OS X", StringComparison.Ordinal) => "a Mac",
            _ when userAgent.Contains("CrOS", StringComparison.Ordinal) => "a Chromebook",
            _ when userAgent.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => "an unknown system",
        };
        return $"{browser} on {system}";
    }
}

/// <summary>Connects the store to the sign-in cookie and says what happened when a session has ended.</summary>
internal static class SessionCookie
{
    public const string SignedOutPath = "/account/signed-out";

    public static void Configure(CookieAuthenticationOptions options, UserSessions store, SecurityOptions security)
    {
        options.SessionStore = store;
        options.ExpireTimeSpan = security.IdleTimeout;
        options.SlidingExpiration = true;
        options.Events.OnRedirectToLogin = context =>
        {
            // The browser still sent a sign-in cookie, so the person was signed in and their session has ended:
            // they see "you have been signed out", keeping where they were going.
            if (context.Request.Cookies.ContainsKey(context.Options.Cookie.Name!))
            {
                context.Response.Cookies.Delete(context.Options.Cookie.Name!, context.Options.Cookie.Build(context.HttpContext));
                var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                context.Response.Redirect($"{SignedOutPath}?returnUrl={Uri.EscapeDataString(back)}");
            }
            else
                context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        };
    }
}

/// <summary>Each night, the rows of sessions that have ended (idle or past their lifetime: they open nothing already)
/// and of failed sign-ins no longer pausing anyone, so neither table grows for ever.</summary>
public sealed class EndedSignInsSweep(PortalDbContext db, IOptionsMonitor<SecurityOptions> security, TimeProvider clock) : IScheduledWork
{
    public const string Key = "users.ended-sign-ins";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var idle = now - security.CurrentValue.IdleTimeout;
        var absolute = now - security.CurrentValue.AbsoluteLifetime;
        var sessions = await db.Set<UserSession>().Where(s => s.LastSeenUtc < idle || s.SignedInUtc < absolute).ExecuteDeleteAsync(cancellationToken);
        var dayAgo = now.AddDays(-1);
        var failures = await db.Set<SignInFailure>()
            .Where(f => f.LastFailedUtc < dayAgo && (f.HeldUntilUtc == null || f.HeldUntilUtc < now)).ExecuteDeleteAsync(cancellationToken);
        return $"{sessions} ended sessions and {failures} old failed sign-ins cleared.";
    }
}
