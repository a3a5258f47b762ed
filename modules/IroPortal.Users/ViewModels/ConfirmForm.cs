using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.Users.ViewModels;

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
