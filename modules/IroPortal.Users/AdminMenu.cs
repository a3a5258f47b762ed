using IroPortal.Modularity.Navigation;
using IroPortal.Users.Contracts;

namespace IroPortal.Users;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new(MenuSections.Settings, "Users", AccountRoutes.UsersAdmin, UsersPermissions.ManageUsers, "Invite users, change their roles, disable accounts and reset two-factor.", 10),
        new(MenuSections.Settings, "Roles and permissions", AccountRoutes.RolesAdmin, UsersPermissions.ManageRoles, "Choose what each role may do.", 20),
        new(MenuSections.Settings, "Audit trail", AccountRoutes.Audit, UsersPermissions.ViewAuditTrail, "Who signed in, failed or was locked out, and every change to users and roles.", 30),
    ];
}
