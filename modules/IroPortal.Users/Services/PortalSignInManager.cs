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

    /// <summary>The claim naming the identity provider a session was signed in through (identity's own, which it also
    /// adds after a two-factor code).</summary>
    public const string ProviderClaim = ClaimTypes.AuthenticationMethod;

    /// <summary>Signs in someone the council's provider vouched for: straight in when the provider says they used
    /// multi-factor authentication, otherwise on to the portal's own code if they have one set up.</summary>
    public async Task<SignInResult> SignInExternalAsync(PortalUser user, string provider, bool usedMultiFactor)
    {
        if (!usedMultiFactor)
            return await SignInOrTwoFactorAsync(user, isPersistent: false, loginProvider: provider, bypassTwoFactor: false);
        await SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa"), new Claim(ProviderClaim, provider)]);
        return SignInResult.Success;
    }

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
