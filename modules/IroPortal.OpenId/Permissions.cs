using IroPortal.Modularity.Permissions;

namespace IroPortal.OpenId;

public sealed class OpenIdPermissions : IPermissionProvider
{
    /// <summary>Register the council's systems as API clients, rotate their secrets, revoke them.</summary>
    public const string ManageApiClients = "OpenId.ManageApiClients";
    /// <summary>Map the council's groups to portal roles and choose which roles must use the council's sign-in.</summary>
    public const string ManageSignIn = "OpenId.ManageSignIn";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageApiClients, "Register the council's systems for the API", "Users and security",
            "Register a system (the case-management system, the data warehouse) with the scopes it may use, rotate its secret, revoke it, and read the API's reference."),
        new(ManageSignIn, "Set up sign-in with the council's account", "Users and security",
            "Map the council's groups to portal roles, choose the roles that must sign in with the council's account, and whether signing out also signs out of it."),
    ];

    public IEnumerable<DefaultGrant> GetDefaultGrants() => [new(PortalRoles.Administrator, ManageApiClients, ManageSignIn)];
}
