using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.OpenId.Models;
using IroPortal.OpenId.Services;

namespace IroPortal.OpenId.ViewModels;

public sealed record SignInSettingsPage(CouncilSignInOptions Council, string RedirectUri, string PostLogoutUri, IReadOnlyList<string> RequiredRoles,
    bool SignOutOfProvider, IReadOnlyList<GroupRole> Groups, GroupRoleForm Form)
{
    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> RoleChoices => PortalRoles.All.Select(r => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(r, r));
}
