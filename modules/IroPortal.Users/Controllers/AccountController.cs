using IroPortal.Modularity;
using IroPortal.Modularity.Hosting;
using IroPortal.Modularity.Permissions;
using IroPortal.Users.Contracts;
using IroPortal.Users.Models;
using IroPortal.Users.Services;
using IroPortal.Users.ViewModels;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IroPortal.Users.Controllers;

/// <summary>Signing in and out, two-factor codes, recovery codes, and setting a password from a link.</summary>
[Area("Users")]
[Route("account")]
public sealed class AccountController(
    PortalSignInManager signIn,
    UserManager<PortalUser> users,
    IAuditTrail audit,
    IOptions<SecurityOptions> security,
    IPasswordHasher<PortalUser> hasher,
    SignInThrottle throttle,
    UserSessions sessions,
    TimeProvider clock,
    IEnumerable<IExternalSignInOption> externalOptions) : Controller
{
    /// <summary>The council's own sign-in, when the OpenId module has one configured.</summary>
    private IExternalSignInOption? Council => externalOptions.FirstOrDefault(o => o.IsAvailable);

    /// <summary>Where a signed-in member of staff lands: the Home module's page, by its route name.</summary>
    private string StaffHome => Url.RouteUrl("Home.StaffHome.Index") ?? "/";

    /// <summary>A hash to check a password against when there is no account's hash to check, so every refusal
    /// takes as long as a wrong password and the time taken does not reveal which emails have accounts.</summary>
    private static string? _decoyHash;

    private string Address => HttpContext.Connection.RemoteIpAddress?.ToString() ?? "";

    [Public, HttpGet("sign-in", Name = AccountRoutes.AccountSignIn)]
    public IActionResult SignIn(string? returnUrl) =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(ReturnAddress.LocalOr(returnUrl, StaffHome)) : View(WithCouncil(new SignInForm { ReturnUrl = returnUrl }));

    private SignInForm WithCouncil(SignInForm form)
    {
        form.CouncilButton = Council?.ButtonText;
        form.CouncilPath = Council?.StartPath;
        return form;
    }

    [Public, HttpPost("sign-in", Name = AccountRoutes.AccountSignIn), EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        WithCouncil(form);
        if (!ModelState.IsValid) return View(form);
        var email = form.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        var paused = await throttle.IsPausedAsync(email, Address);
        // Exactly one hash check in every case (unknown, disabled, paused, wrong or right), so the time taken is the same.
        var passwordRight = PasswordMatches(user, form.Password);
        if (user is null || user.IsDisabled || paused || passwordRight == PasswordVerificationResult.Failed)
        {
            var why = user is null ? "No user has this email address." : user.IsDisabled ? "The account is disabled."
                : paused ? "Sign-in from this address is paused after five failures." : "Wrong password.";
            if (await throttle.FailedAsync(email, user?.Id, Address))
                await audit.RecordAsync(AuditEventTypes.LockedOut, $"Five failed sign-ins from {Address}: sign-in from there is paused for 15 minutes.", user?.Id, user?.Email ?? email);
            await audit.RecordAsync(AuditEventTypes.SignInFailed, why, user?.Id, user?.Email ?? email);
            return SignInFailed(form);
        }
        await throttle.SucceededAsync(email, Address);
        if (Council is { } council && await council.IsRequiredForAsync((await users.GetRolesAsync(user)).ToList()))
        {
            await audit.RecordAsync(AuditEventTypes.SignInFailed, "Password refused: the user's role signs in with the council's account.", user.Id, user.Email);
            ModelState.AddModelError(nameof(SignInForm.Email), $"Your role signs in with your council account, not a portal password. Use \"{council.ButtonText}\"");
            form.Password = "";
            return View(form);
        }
        if (passwordRight == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, form.Password);
            await users.UpdateAsync(user);
        }
        var result = await signIn.SignInAfterPasswordAsync(user);
        if (result.RequiresTwoFactor)
            return RedirectToAction(nameof(TwoFactor), new { returnUrl = form.ReturnUrl });
        return await SignedIn(user, "Password", form.ReturnUrl);
    }

    private PasswordVerificationResult PasswordMatches(PortalUser? user, string password)
    {
        _decoyHash ??= hasher.HashPassword(new PortalUser(), Guid.NewGuid().ToString());
        var hash = user?.PasswordHash ?? _decoyHash;
        var result = hasher.VerifyHashedPassword(user ?? new PortalUser(), hash, password);
        return user?.PasswordHash is null ? PasswordVerificationResult.Failed : result;
    }

    private ViewResult SignInFailed(SignInForm form)
    {
        // The same words whether the email or the password was wrong, so the form cannot be used to find accounts.
        ModelState.AddModelError(nameof(SignInForm.Email), "The email address or password is not right, or the account is disabled. After 5 failed attempts, sign-in from here waits 15 minutes");
        form.Password = "";
        return View(form);
    }

    [Public, HttpGet("sign-in/two-factor", Name = AccountRoutes.AccountTwoFactor)]
    public async Task<IActionResult> TwoFactor(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(SignIn))
            : View(new TwoFactorForm { ReturnUrl = returnUrl });

    [Public, HttpPost("sign-in/two-factor", Name = AccountRoutes.AccountTwoFactor), EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> TwoFactor(TwoFactorForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToAction(nameof(SignIn));
        if (!ModelState.IsValid) return View(form);
        if (await throttle.IsPausedAsync(user.Email ?? "", Address))
            return CodeRefused(form, nameof(TwoFactorForm.Code), paused: true);

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(form.Code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(user.Email ?? "", Address);
            return await SignedIn(user, "Password and authenticator code", form.ReturnUrl);
        }
        await CodeFailed(user, "Wrong or already used code.");
        form.Code = "";
        return CodeRefused(form, nameof(TwoFactorForm.Code), paused: false);
    }

    private async Task CodeFailed(PortalUser user, string why)
    {
        if (await throttle.FailedAsync(user.Email ?? "", user.Id, Address))
            await audit.RecordAsync(AuditEventTypes.LockedOut, $"Five wrong codes from {Address}: sign-in from there is paused for 15 minutes.", user.Id, user.Email);
        await audit.RecordAsync(AuditEventTypes.TwoFactorFailed, why, user.Id, user.Email);
    }

    private ViewResult CodeRefused(object form, string field, bool paused)
    {
        ModelState.AddModelError(field, paused
            ? "Too many wrong codes have been entered from here. Wait 15 minutes and try again"
            : "The code is not right or has already been used. Wait for a new code and enter it");
        return View(form);
    }

    [Public, HttpGet("sign-in/recovery-code", Name = AccountRoutes.AccountRecoveryCode)]
    public async Task<IActionResult> RecoveryCode(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(SignIn))
            : View(new RecoveryCodeForm { ReturnUrl = returnUrl });

    [Public, HttpPost("sign-in/recovery-code", Name = AccountRoutes.AccountRecoveryCode), EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> RecoveryCode(RecoveryCodeForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToAction(nameof(SignIn));
        if (!ModelState.IsValid) return View(form);
        if (await throttle.IsPausedAsync(user.Email ?? "", Address))
            return CodeRefused(form, nameof(RecoveryCodeForm.RecoveryCode), paused: true);
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(form.RecoveryCode.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(user.Email ?? "", Address);
            await audit.RecordAsync(AuditEventTypes.RecoveryCodeUsed, $"{await users.CountRecoveryCodesAsync(user)} recovery codes left.", user.Id, user.Email);
            return await SignedIn(user, "Password and recovery code", form.ReturnUrl);
        }
        await CodeFailed(user, "Wrong recovery code.");
        ModelState.AddModelError(nameof(RecoveryCodeForm.RecoveryCode), "The recovery code is not right or has already been used");
        return View(form);
    }

    private async Task<IActionResult> SignedIn(PortalUser user, string how, string? returnUrl)
    {
        user.LastSignInUtc = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        await audit.RecordAsync(AuditEventTypes.SignedIn, how, user.Id, user.Email);
        if (security.Value.RequireTwoFactor && !user.TwoFactorEnabled)
            return RedirectToAction(nameof(TwoFactorController.SetUp), "TwoFactor");
        return LocalRedirect(ReturnAddress.LocalOr(returnUrl, StaffHome));
    }

    [SignedIn, HttpPost("sign-out", Name = AccountRoutes.AccountSignOutUser)]
    public async Task<IActionResult> SignOutUser()
    {
        await audit.RecordAsync(AuditEventTypes.SignedOut, "", User.UserId(), User.Identity?.Name);
        var throughCouncil = User.HasClaim(c => c.Type == PortalSignInManager.ProviderClaim);
        await signIn.SignOutAsync();
        // Ends the council's session too, where the administrator chose that.
        if (throughCouncil && Council is { } council && await council.SignOutPathAsync() is { } providerSignOut)
            return LocalRedirect(providerSignOut);
        return RedirectToAction(nameof(SignedOut));
    }

    /// <summary>After signing out, or when a session has ended (unused for a while, too long since sign-in, or ended
    /// from elsewhere): "Sign in again" goes back to where the person was going.</summary>
    [Public, HttpGet("signed-out", Name = AccountRoutes.AccountSignedOut)]
    public IActionResult SignedOut(string? returnUrl) =>
        View(new SignedOutPage(ReturnAddress.IsLocal(returnUrl) ? returnUrl : null));

    /// <summary>"Confirm it is you" before a security setting changes (see <see cref="RecentlyConfirmedAttribute"/>).</summary>
    [SignedIn, HttpGet("confirm", Name = AccountRoutes.AccountConfirm)]
    public async Task<IActionResult> Confirm(string? returnUrl) =>
        View(new ConfirmForm { ReturnUrl = returnUrl, AsksForCode = (await CurrentUser()).TwoFactorEnabled });

    [SignedIn, HttpPost("confirm", Name = AccountRoutes.AccountConfirm), EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Confirm(ConfirmForm form)
    {
        var user = await CurrentUser();
        form.AsksForCode = user.TwoFactorEnabled;
        if (form.AsksForCode && string.IsNullOrWhiteSpace(form.Code))
            ModelState.AddModelError(nameof(ConfirmForm.Code), "Enter the 6-digit code from your authenticator app");
        if (!ModelState.IsValid) return View(form);
        if (await throttle.IsPausedAsync(user.Email ?? "", Address))
        {
            ModelState.AddModelError(nameof(ConfirmForm.Password), "Too many wrong attempts have been made from here. Wait 15 minutes and try again");
            return View(form);
        }
        var passwordRight = await users.CheckPasswordAsync(user, form.Password);
        var codeRight = !form.AsksForCode || await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, form.Code!.Replace(" ", "", StringComparison.Ordinal));
        if (!passwordRight || !codeRight)
        {
            await CodeFailed(user, passwordRight ? "Wrong or already used code when confirming." : "Wrong password when confirming.");
            ModelState.AddModelError(passwordRight ? nameof(ConfirmForm.Code) : nameof(ConfirmForm.Password),
                passwordRight ? "The code is not right or has already been used. Wait for a new code and enter it" : "Your password is not right");
            return View(form);
        }
        await throttle.SucceededAsync(user.Email ?? "", Address);
        await sessions.MarkConfirmedAsync(HttpContext);
        return LocalRedirect(ReturnAddress.LocalOr(form.ReturnUrl, Url.RouteUrl(AccountRoutes.TwoFactor)!));
    }

    private async Task<PortalUser> CurrentUser() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");

    /// <summary>Where an invitation or reset link lands.</summary>
    [Public, HttpGet("set-password", Name = AccountRoutes.AccountSetPassword)]
    public IActionResult SetPassword(Guid userId, string? token) =>
        string.IsNullOrEmpty(token) ? View("LinkNotValid") : View(new SetPasswordForm { UserId = userId, Token = token });

    [Public, HttpPost("set-password", Name = AccountRoutes.AccountSetPassword), EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> SetPassword(SetPasswordForm form)
    {
        var user = await users.FindByIdAsync(form.UserId.ToString());
        if (user is null || user.IsDisabled) return View("LinkNotValid");
        if (!ModelState.IsValid) return View(form);
        var result = await users.ResetPasswordAsync(user, form.Token, form.Password);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            return View("LinkNotValid");
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(nameof(SetPasswordForm.Password), error.Description);
            return View(form);
        }
        await throttle.ClearAsync(user.Id);
        await sessions.EndAllAsync(user.Id);
        await audit.RecordAsync(AuditEventTypes.PasswordSet, "From a password link. Open sessions ended.", user.Id, user.Email);
        return View("PasswordSet");
    }
}
