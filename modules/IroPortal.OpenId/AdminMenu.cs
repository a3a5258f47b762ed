using IroPortal.Modularity.Navigation;
using IroPortal.OpenId.Contracts;

namespace IroPortal.OpenId;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new(MenuSections.Settings, "API clients", OpenIdRoutes.ApiClients, OpenIdPermissions.ManageApiClients, "The council's systems that send the return or read the figures, and what each may do.", 50),
        new(MenuSections.Settings, "Council sign-in", OpenIdRoutes.SignInSettings, OpenIdPermissions.ManageSignIn, "Signing in with the council's own account: groups to roles, and who must use it.", 51),
    ];
}
