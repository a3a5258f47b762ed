using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IroPortal.Modularity.Hosting;

public static class RateLimitPolicies
{
    /// <summary>Sign-in, two-factor and password-link forms: attempts a minute from one address.</summary>
    public const string SignIn = "sign-in";
}

/// <summary>Where the portal's forms may send the browser beyond its own origin: a module registers one as a
/// service (the council's sign-in provider, which a sign-in or sign-out form's redirect reaches).</summary>
public sealed record FormActionOrigin(string Origin);

public static class SecurityHosting
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void AddPortalSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // No "Server: Kestrel": nothing that names the software to someone looking for its weaknesses.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var cookiePolicy = SecureCookies(builder.Configuration);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = CookieName("iroportal.antiforgery", cookiePolicy);
            options.Cookie.SecurePolicy = cookiePolicy;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        // Behind a TLS-terminating proxy or load balancer: trust its X-Forwarded-For and -Proto, and only its,
        // so requests count as HTTPS (secure cookies, antiforgery) and rate limits see each person's address.
        var proxies = builder.Configuration.GetSection("Security:TrustedProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                if (proxy.Contains('/')) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                else options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        var perMinute = builder.Configuration.GetValue("Security:SignInAttemptsPerMinute", 10);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicies.SignIn, context =>
                // Only attempts count: reading the form is free.
                HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    /// <summary>Cookies are sent over HTTPS only. Security:CookiesRequireHttps may be false only to try the
    /// portal on plain http://localhost (the demo) or in tests on the loopback address.</summary>
    public static CookieSecurePolicy SecureCookies(IConfiguration configuration) =>
        configuration.GetValue("Security:CookiesRequireHttps", true) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    /// <summary>Where cookies travel over HTTPS only, their names carry the <c>__Host-</c> prefix: the browser then
    /// refuses any such cookie that is not Secure, is scoped to a domain or to less than the whole site, so another
    /// site on a sibling domain or a plain-HTTP page cannot plant or overwrite one.</summary>
    public static string CookieName(string name, CookieSecurePolicy policy) =>
        policy == CookieSecurePolicy.Always && !name.StartsWith("__Host-", StringComparison.Ordinal) ? "__Host-" + name : name;

    /// <summary>A plain-HTTP request that reached the portal without the TLS proxy: a page read is sent to its HTTPS
    /// address, anything else refused (400) before it can touch a cookie or a form. The machine's own health checks
    /// (loopback) may use HTTP.</summary>
    private static Task HttpsOnly(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.IsHttps || request.Path.StartsWithSegments("/health") && context.Connection.RemoteIpAddress is { } from && IPAddress.IsLoopback(from))
            return next(context);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            context.Response.Headers.Location = $"https://{request.Host.Host}{request.PathBase}{request.Path}{request.QueryString}";
            return Task.CompletedTask;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("This portal answers only over HTTPS. Nothing was sent or saved: use its https:// address.");
    }

    /// <summary>Headers on every response; HSTS outside development.</summary>
    public static void UsePortalSecurityHeaders(this WebApplication app)
    {
        var origins = app.Services.GetServices<FormActionOrigin>().Select(o => o.Origin).Distinct().ToList();
        var policy = origins.Count == 0 ? ContentSecurityPolicy : ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {string.Join(' ', origins)}");
        if ((app.Configuration.GetSection("Security:TrustedProxies").Get<string[]>() ?? []).Length > 0)
            app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        if (app.Environment.IsProduction())
            app.Use(HttpsOnly);
        // Set as the response starts, so that every response has them, also one the error handler cleared and rewrote.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                SetHeaders(context.Response.Headers, policy);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>The security headers, each where the response has not set its own (Hangfire's dashboard adds one
    /// stylesheet's hash to the policy on its path alone).</summary>
    public static void SetHeaders(IHeaderDictionary headers, string policy = ContentSecurityPolicy)
    {
        headers.TryAdd("Content-Security-Policy", policy);
        headers.TryAdd("X-Content-Type-Options", "nosniff");
        headers.TryAdd("X-Frame-Options", "DENY");
        headers.TryAdd("Referrer-Policy", "same-origin");
        headers.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
    }
}
