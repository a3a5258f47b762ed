using System.ComponentModel.DataAnnotations;

namespace IroPortal.Users.ViewModels;

public sealed class TwoFactorForm
{
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [Display(Name = "Code from your authenticator app")]
    public string Code { get; set; } = "";

    public string? ReturnUrl { get; set; }
}
