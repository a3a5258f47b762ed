using IroPortal.Modularity.Forms;

namespace IroPortal.OpenId.ViewModels;

public sealed class GroupRoleForm
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Group")]
    public string? Group { get; set; }
    [System.ComponentModel.DataAnnotations.Display(Name = "Portal role")]
    public string? Role { get; set; }
}
