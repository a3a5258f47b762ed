using System.ComponentModel.DataAnnotations;

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
