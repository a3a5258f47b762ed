using System.ComponentModel.DataAnnotations;
using IroPortal.Users.Models;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace IroPortal.Users.ViewModels;

public sealed class UserForm
{
    [Required(ErrorMessage = "Enter the person's full name")]
    [StringLength(200, ErrorMessage = "The name must be 200 characters or fewer")]
    [Display(Name = "Full name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter the person's email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.org")]
    [StringLength(256, ErrorMessage = "The email address must be 256 characters or fewer")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [Display(Name = "Roles")]
    public List<string> Roles { get; set; } = [];

    /// <summary>The user's concurrency stamp when the form was shown; a save from a stale form is refused.</summary>
    public string? ConcurrencyStamp { get; set; }

    /// <summary>The user as stored, on the edit page.</summary>
    [BindNever] public UserStatus? Existing { get; set; }

    public static IEnumerable<SelectListItem> RoleChoices => IroPortal.Modularity.Permissions.PortalRoles.All.Select(r => new SelectListItem(r, r));
}
