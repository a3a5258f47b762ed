using System.ComponentModel.DataAnnotations;

namespace IroPortal.Users.ViewModels;

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
