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
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    IAuditTrail audit,
    IOptions<SecurityOptions> security,
    IPasswordHasher<PortalUser> hasher,
    TimeProvider clock) : Controller
{
    private const string StaffHome = "/staff";

    /// <summary>A hash to check a password against when the email is unknown, so that answer takes as long as a
    /// wrong password and the time taken does not reveal which emails have accounts.</summary>
    private static string? _decoyHash;

    [Public, HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl) =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturn(returnUrl)) : View(new SignInForm { ReturnUrl = returnUrl });

    [Public, HttpPost("sign-in"), EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        if (!ModelState.IsValid) return View(form);
        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is null)
        {
            _decoyHash ??= hasher.HashPassword(new PortalUser(), Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(new PortalUser(), _decoyHash, form.Password);
            await audit.RecordAsync(AuditEventTypes.SignInFailed, "No user has this email address.", subjectName: form.Email.Trim());
            return SignInFailed(form);
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return await SignedIn(user, "Password", form.ReturnUrl);
        if (result.RequiresTwoFactor)
            return RedirectToAction(nameof(TwoFactor), new { returnUrl = form.ReturnUrl });
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditEventTypes.LockedOut, "Too many failed attempts.", user.Id, user.Email);
            ModelState.AddModelError("", "Your account is locked because of too many failed attempts. Try again in 15 minutes, or ask an administrator to help.");
            return View(form);
        }
        await audit.RecordAsync(AuditEventTypes.SignInFailed, result.IsNotAllowed ? "The account is disabled." : "Wrong password.", user.Id, user.Email);
        return SignInFailed(form);
    }

    private ViewResult SignInFailed(SignInForm form)
    {
        // The same words whether the email or the password was wrong, so the form cannot be used to find accounts.
        ModelState.AddModelError(nameof(SignInForm.Email), "The email address or password is not right, or the account is disabled");
        form.Password = "";
        return View(form);
    }

    [Public, HttpGet("sign-in/two-factor")]
    public async Task<IActionResult> TwoFactor(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(SignIn))
            : View(new TwoFactorForm { ReturnUrl = returnUrl });

    [Public, HttpPost("sign-in/two-factor"), EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> TwoFactor(TwoFactorForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToAction(nameof(SignIn));
        if (!ModelState.IsValid) return View(form);

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(form.Code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
            return await SignedIn(user, "Password and authenticator code", form.ReturnUrl);
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditEventTypes.LockedOut, "Too many wrong two-factor codes.", user.Id, user.Email);
            ModelState.AddModelError("", "Your account is locked because of too many failed attempts. Try again in 15 minutes, or ask an administrator to help.");
            return View(form);
        }
        await audit.RecordAsync(AuditEventTypes.TwoFactorFailed, "Wrong or already used code.", user.Id, user.Email);
        ModelState.AddModelError(nameof(TwoFactorForm.Code), "The code is not right or has already been used. Wait for a new code and enter it");
        form.Code = "";
        return View(form);
    }

    [Public, HttpGet("sign-in/recovery-code")]
    public async Task<IActionResult> RecoveryCode(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(SignIn))
            : View(new RecoveryCodeForm { ReturnUrl = returnUrl });

    [Public, HttpPost("sign-in/recovery-code"), EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> RecoveryCode(RecoveryCodeForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToAction(nameof(SignIn));
        if (!ModelState.IsValid) return View(form);
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(form.RecoveryCode.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditEventTypes.RecoveryCodeUsed, $"{await users.CountRecoveryCodesAsync(user)} recovery codes left.", user.Id, user.Email);
            return await SignedIn(user, "Password and recovery code", form.ReturnUrl);
        }
        await audit.RecordAsync(AuditEventTypes.TwoFactorFailed, "Wrong recovery code.", user.Id, user.Email);
        ModelState.AddModelError(nameof(RecoveryCodeForm.RecoveryCode), result.IsLockedOut
            ? "Your account is locked because of too many failed attempts. Try again in 15 minutes"
            : "The recovery code is not right or has already been used");
        return View(form);
    }

    private async Task<IActionResult> SignedIn(PortalUser user, string how, string? returnUrl)
    {
        user.LastSignInUtc = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        await audit.RecordAsync(AuditEventTypes.SignedIn, how, user.Id, user.Email);
        if (security.Value.RequireTwoFactor && !user.TwoFactorEnabled)
            return RedirectToAction(nameof(TwoFactorController.SetUp), "TwoFactor");
        return LocalRedirect(SafeReturn(returnUrl));
    }

    [SignedIn, HttpPost("sign-out")]
    public async Task<IActionResult> SignOutUser()
    {
        await audit.RecordAsync(AuditEventTypes.SignedOut, "", User.UserId(), User.Identity?.Name);
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(SignedOut));
    }

    [Public, HttpGet("signed-out")]
    public IActionResult SignedOut() => View();

    [Public, HttpGet("access-denied")]
    public IActionResult AccessDenied() => View();

    /// <summary>Where an invitation or reset link lands.</summary>
    [Public, HttpGet("set-password")]
    public IActionResult SetPassword(Guid userId, string? token) =>
        string.IsNullOrEmpty(token) ? View("LinkNotValid") : View(new SetPasswordForm { UserId = userId, Token = token });

    [Public, HttpPost("set-password"), EnableRateLimiting(RateLimitPolicies.SignIn)]
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
        await users.SetLockoutEndDateAsync(user, null);
        await audit.RecordAsync(AuditEventTypes.PasswordSet, "From a password link.", user.Id, user.Email);
        return View("PasswordSet");
    }

    internal static string SafeReturn(string? returnUrl) => ReturnAddress.LocalOr(returnUrl, StaffHome);
}
