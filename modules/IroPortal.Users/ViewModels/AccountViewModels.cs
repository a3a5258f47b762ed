using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.Users.ViewModels;

public sealed class SignInForm
{
    [Required(ErrorMessage = "Enter your email address")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password")]
    public string Password { get; set; } = "";

    /// <summary>The council's own sign-in, when there is one: its button and where it posts.</summary>
    public string? CouncilButton { get; set; }
    public string? CouncilPath { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorForm
{
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [Display(Name = "Code from your authenticator app")]
    public string Code { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryCodeForm
{
    [Required(ErrorMessage = "Enter one of your recovery codes")]
    [Display(Name = "Recovery code")]
    public string RecoveryCode { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class SetUpTwoFactorForm
{
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [Display(Name = "Code from your authenticator app")]
    public string Code { get; set; } = "";

    [BindNever] public string SharedKey { get; set; } = "";
    [BindNever] public HtmlString QrCode { get; set; } = HtmlString.Empty;
    [BindNever] public bool Required { get; set; }
}

public sealed class SetPasswordForm
{
    public Guid UserId { get; set; }
    public string Token { get; set; } = "";

    [Required(ErrorMessage = "Enter a new password")]
    [Display(Name = "New password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the new password again")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same")]
    [Display(Name = "Confirm new password")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordForm
{
    [Required(ErrorMessage = "Enter your current password")]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Enter a new password")]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Enter the new password again")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords are not the same")]
    [Display(Name = "Confirm new password")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed record MyAccountPage(string DisplayName, string Email, IReadOnlyList<string> Roles, bool TwoFactorEnabled, int RecoveryCodesLeft, bool TwoFactorRequired);

/// <summary>"Confirm it is you": the password, and a code when two-factor is on, before a security setting changes.</summary>
public sealed class ConfirmForm
{
    [Required(ErrorMessage = "Enter your password")]
    public string Password { get; set; } = "";

    [Display(Name = "Code from your authenticator app")]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }

    [BindNever] public bool AsksForCode { get; set; }
}

public sealed record SessionsPage(IReadOnlyList<IroPortal.Users.Services.OpenSession> Sessions, int IdleMinutes, int AbsoluteHours);

/// <param name="ReturnUrl">Where the person was going when their session ended, for "Sign in again".</param>
public sealed record SignedOutPage(string? ReturnUrl);
