using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.Users.ViewModels;

public sealed class SetUpTwoFactorForm
{
    [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
    [Display(Name = "Code from your authenticator app")]
    public string Code { get; set; } = "";

    [BindNever] public string SharedKey { get; set; } = "";
    [BindNever] public HtmlString QrCode { get; set; } = HtmlString.Empty;
    [BindNever] public bool Required { get; set; }
}
