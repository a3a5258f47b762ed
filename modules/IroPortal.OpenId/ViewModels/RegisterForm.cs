using IroPortal.Modularity.Forms;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace IroPortal.OpenId.ViewModels;

public sealed class RegisterForm
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Name of the system")]
    public string? Name { get; set; }
    public List<string> Scopes { get; set; } = [];

    [System.ComponentModel.DataAnnotations.Display(Name = "Certificate (optional)")]
    public string? Certificate { get; set; }
}
