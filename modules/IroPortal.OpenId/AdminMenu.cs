using IroPortal.Modularity.Navigation;

namespace IroPortal.OpenId;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new(MenuSections.Settings, "API clients", "/admin/api-clients", OpenIdPermissions.ManageApiClients, "The council's systems that send the return or read the figures, and what each may do.", 50),
        new(MenuSections.Settings, "Council sign-in", "/admin/sign-in", OpenIdPermissions.ManageSignIn, "Signing in with the council's own account: groups to roles, and who must use it.", 51),
    ];
}
