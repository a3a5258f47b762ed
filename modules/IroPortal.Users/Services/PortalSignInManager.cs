using System.Security.Claims;
using IroPortal.Modularity;
using IroPortal.Users.Models;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IroPortal.Users.Services;

/// <summary>A disabled user cannot sign in, whatever their password.</summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    TimeProvider clock)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PortalUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>Identity's own lockout is not used: a whole account locked after five failures would let anyone lock
    /// anyone out. <see cref="SignInThrottle"/> pauses only the address that failed.</summary>
    protected override Task<bool> IsLockedOut(PortalUser user) => Task.FromResult(false);

    /// <summary>Signs in a user whose password the caller has just checked (once, so every answer takes the same
    /// time): straight in, or on to the two-factor step.</summary>
    public Task<SignInResult> SignInAfterPasswordAsync(PortalUser user) => SignInOrTwoFactorAsync(user, isPersistent: false);

    /// <summary>Every sign-in records when it was made; signing in again within one sign-in (a new password, two-factor
    /// just set up) keeps that time, so a session's absolute lifetime cannot be stretched.</summary>
    public override Task SignInWithClaimsAsync(PortalUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.ToList();
        var current = Context.User;
        var kept = current.Identity?.IsAuthenticated == true && current.UserId() == user.Id ? current.FindFirst(UserSessions.SignedInAtClaim) : null;
        claims.Add(new Claim(UserSessions.SignedInAtClaim, kept?.Value ?? clock.GetUtcNow().UtcDateTime.ToString("O")));
        return base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }
}
