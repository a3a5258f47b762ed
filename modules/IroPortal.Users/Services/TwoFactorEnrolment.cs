using IroPortal.Modularity.Permissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace IroPortal.Users.Services;

/// <summary>The "Security" section of configuration.</summary>
public sealed class SecurityOptions
{
    /// <summary>Two-factor authentication for every staff and board role. Can be switched off only while
    /// Demo:Enabled is true, and never in Production.</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>A session not used for this long ends (Security:SessionIdleMinutes).</summary>
    public int SessionIdleMinutes { get; set; } = 30;

    /// <summary>A session ends this long after sign-in however active (Security:SessionAbsoluteHours).</summary>
    public int SessionAbsoluteHours { get; set; } = 12;

    /// <summary>How recently the password (and code) must have been given to change a security setting.</summary>
    public int ConfirmationMinutes { get; set; } = 5;

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(SessionIdleMinutes);
    public TimeSpan AbsoluteLifetime => TimeSpan.FromHours(SessionAbsoluteHours);
}

/// <summary>
/// While two-factor is required, a user who signed in without it (because they have not set it up yet)
/// can reach only the set-up page and sign-out until they have set it up.
/// </summary>
internal sealed class TwoFactorEnrolmentMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public const string SetUpPath = "/account/two-factor/set-up";

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (!options.Value.RequireTwoFactor || user.Identity?.IsAuthenticated != true || user.HasClaim("amr", "mfa"))
            return next(context);
        var path = context.Request.Path;
        if (path.StartsWithSegments("/account") || path.StartsWithSegments("/health") || path.StartsWithSegments("/_content") || path.StartsWithSegments("/error"))
            return next(context);
        context.Response.Redirect(SetUpPath);
        return Task.CompletedTask;
    }
}
