using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Users.Contracts;
using IroPortal.Users.Models;
using IroPortal.Users.Services;
using IroPortal.Users.ViewModels;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IroPortal.Users.Controllers;

/// <summary>A signed-in user's own account: password and two-factor authentication.</summary>
[Area("Users")]
[Route("account")]
[SignedIn]
public sealed class TwoFactorController(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    IAuditTrail audit,
    IOptions<SecurityOptions> security,
    IOptions<CouncilOptions> council) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await CurrentUser();
        return View(new MyAccountPage(user.DisplayName, user.Email ?? "", (await users.GetRolesAsync(user)).Order().ToList(),
            user.TwoFactorEnabled, await users.CountRecoveryCodesAsync(user), security.Value.RequireTwoFactor));
    }

    [HttpGet("two-factor/set-up")]
    public async Task<IActionResult> SetUp()
    {
        var user = await CurrentUser();
        if (user.TwoFactorEnabled) return RedirectToAction(nameof(Index));
        // A fresh key each time the page is shown before set-up is finished. A new key changes the security
        // stamp, so the sign-in cookie is issued again or the next request would sign the user out.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return View(await SetUpPage(user));
    }

    [HttpPost("two-factor/set-up")]
    public async Task<IActionResult> SetUp(SetUpTwoFactorForm form)
    {
        var user = await CurrentUser();
        if (user.TwoFactorEnabled) return RedirectToAction(nameof(Index));
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, form.Code))
            ModelState.AddModelError(nameof(SetUpTwoFactorForm.Code), "The code is not right. Enter the newest code your authenticator app shows");
        if (!ModelState.IsValid)
            return View(await SetUpPage(user));

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []).ToList();
        await audit.RecordAsync(AuditEventTypes.TwoFactorEnabled, "Authenticator app set up.", user.Id, user.Email);
        // Sign in again as someone who has passed two-factor, so the rest of the portal opens up.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new System.Security.Claims.Claim("amr", "mfa")]);
        return View("RecoveryCodes", codes);
    }

    /// <summary>For a new phone: forget the old authenticator and set up again.</summary>
    [HttpPost("two-factor/reset")]
    public async Task<IActionResult> Reset()
    {
        var user = await CurrentUser();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(AuditEventTypes.TwoFactorReset, "By the user, to set up a new authenticator app.", user.Id, user.Email);
        await signIn.RefreshSignInAsync(user);
        return RedirectToAction(nameof(SetUp));
    }

    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        if (!ModelState.IsValid) return View(form);
        var user = await CurrentUser();
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(form.CurrentPassword) : nameof(form.NewPassword),
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Your current password is not right" : error.Description);
            return View(new ChangePasswordForm());
        }
        await audit.RecordAsync(AuditEventTypes.PasswordChanged, "By the user.", user.Id, user.Email);
        // Changing the password changes the security stamp, which would end this session too.
        await signIn.RefreshSignInAsync(user);
        return View("PasswordChanged");
    }

    private async Task<PortalUser> CurrentUser() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");

    private async Task<SetUpTwoFactorForm> SetUpPage(PortalUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        var issuer = $"{council.Value.Name} IRO Portal";
        var uri = $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6&period=30";
        return new SetUpTwoFactorForm
        {
            SharedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant(),
            QrCode = QrCodeSvg.Render(uri, "QR code to scan with your authenticator app"),
            Required = security.Value.RequireTwoFactor,
        };
    }
}
