using System.ComponentModel.DataAnnotations;

namespace IroPortal.Users.ViewModels;

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
