using IroPortal.Modularity.Permissions;

namespace IroPortal.Users;

public sealed class UsersPermissions : IPermissionProvider
{
    public const string ManageUsers = "Users.Manage";
    public const string ManageRoles = "Users.ManageRoles";
    public const string ViewAuditTrail = "Users.ViewAuditTrail";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageUsers, "Manage users", "Users and security",
            "Invite and create users, change their roles, disable them, reset their two-factor authentication."),
        new(ManageRoles, "Change what each role may do", "Users and security"),
        new(ViewAuditTrail, "View the audit trail", "Users and security",
            "Sign-ins, failures, lockouts, and changes to users, roles and permissions."),
    ];

    public IEnumerable<DefaultGrant> GetDefaultGrants() =>
        [new(PortalRoles.Administrator, ManageUsers, ManageRoles, ViewAuditTrail)];
}
