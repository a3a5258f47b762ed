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
    UserSessions sessions,
    IOptions<SecurityOptions> security,
    IOptions<CouncilOptions> council) : Controller
{
    [HttpGet("", Name = AccountRoutes.TwoFactor)]
    public async Task<IActionResult> Index()
    {
        var user = await CurrentUser();
        return View(new MyAccountPage(user.DisplayName, user.Email ?? "", (await users.GetRolesAsync(user)).Order().ToList(),
            user.TwoFactorEnabled, await users.CountRecoveryCodesAsync(user), security.Value.RequireTwoFactor));
    }

    [HttpGet("two-factor/set-up", Name = AccountRoutes.TwoFactorSetUp)]
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

    [HttpPost("two-factor/set-up", Name = AccountRoutes.TwoFactorSetUp)]
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

    /// <summary>For a new phone: what happens, and the button to forget the old authenticator and set up again.</summary>
    [HttpGet("two-factor/reset", Name = AccountRoutes.TwoFactorReset), RecentlyConfirmed]
    public IActionResult Reset() => View();

    [HttpPost("two-factor/reset"), RecentlyConfirmed(FormPage = "/account/two-factor/reset")]
    [ActionName(nameof(Reset))]
    public async Task<IActionResult> ResetConfirmed()
    {
        var user = await CurrentUser();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await signIn.RefreshSignInAsync(user);
        var ended = await sessions.EndAllAsync(user.Id, except: UserSessions.CurrentId(HttpContext));
        await audit.RecordAsync(AuditEventTypes.TwoFactorReset, $"By the user, to set up a new authenticator app. Other sessions ended: {ended}.", user.Id, user.Email);
        return RedirectToAction(nameof(SetUp));
    }

    /// <summary>New recovery codes, when the old ones are used up or may have been seen.</summary>
    [HttpGet("two-factor/recovery-codes", Name = AccountRoutes.TwoFactorNewRecoveryCodes), RecentlyConfirmed]
    public async Task<IActionResult> NewRecoveryCodes()
    {
        var user = await CurrentUser();
        return user.TwoFactorEnabled ? View(await users.CountRecoveryCodesAsync(user)) : RedirectToAction(nameof(Index));
    }

    [HttpPost("two-factor/recovery-codes"), RecentlyConfirmed(FormPage = "/account/two-factor/recovery-codes")]
    [ActionName(nameof(NewRecoveryCodes))]
    public async Task<IActionResult> MakeNewRecoveryCodes()
    {
        var user = await CurrentUser();
        if (!user.TwoFactorEnabled) return RedirectToAction(nameof(Index));
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []).ToList();
        await audit.RecordAsync(AuditEventTypes.RecoveryCodesReplaced, "By the user. The old codes no longer work.", user.Id, user.Email);
        ViewData["Replaced"] = true;
        return View("RecoveryCodes", codes);
    }

    /// <summary>"Your sessions": where the person is signed in, and a way to end any of them.</summary>
    [HttpGet("sessions", Name = AccountRoutes.TwoFactorSessions)]
    public async Task<IActionResult> Sessions()
    {
        var settings = security.Value;
        return View(new SessionsPage(await sessions.ListAsync(User.UserId()!.Value, HttpContext), settings.SessionIdleMinutes, settings.SessionAbsoluteHours));
    }

    [HttpPost("sessions/end", Name = AccountRoutes.TwoFactorEndSession)]
    public async Task<IActionResult> EndSession(string id)
    {
        var userId = User.UserId()!.Value;
        if (id == UserSessions.CurrentId(HttpContext)) return RedirectToAction(nameof(Sessions));
        if (await sessions.EndAsync(userId, id))
            await audit.RecordAsync(AuditEventTypes.SessionEnded, "By the user, from their sessions page.", userId, User.Identity?.Name);
        return RedirectToAction(nameof(Sessions));
    }

    [HttpPost("sessions/end-others", Name = AccountRoutes.TwoFactorEndOtherSessions)]
    public async Task<IActionResult> EndOtherSessions()
    {
        var userId = User.UserId()!.Value;
        var ended = await sessions.EndAllAsync(userId, except: UserSessions.CurrentId(HttpContext));
        await audit.RecordAsync(AuditEventTypes.SessionEnded, $"By the user: every other session ({ended}).", userId, User.Identity?.Name);
        return RedirectToAction(nameof(Sessions));
    }

    [HttpGet("change-password", Name = AccountRoutes.TwoFactorChangePassword), RecentlyConfirmed]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("change-password", Name = AccountRoutes.TwoFactorChangePassword), RecentlyConfirmed(FormPage = "/account/change-password")]
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
        // Changing the password changes the security stamp, which would end this session too: sign in again, then
        // end every other session (a thief who had the old password is signed out everywhere).
        await signIn.RefreshSignInAsync(user);
        var ended = await sessions.EndAllAsync(user.Id, except: UserSessions.CurrentId(HttpContext));
        await audit.RecordAsync(AuditEventTypes.PasswordChanged, $"By the user. Other sessions ended: {ended}.", user.Id, user.Email);
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
