using IroPortal.Users.Models;

namespace IroPortal.Users.ViewModels;

public sealed record RolePermissionsPage(
    IReadOnlyList<PortalRole> Roles,
    IReadOnlyList<IGrouping<string, IroPortal.Modularity.Permissions.Permission>> PermissionGroups,
    IReadOnlySet<(Guid RoleId, string Permission)> Grants,
    IReadOnlySet<(string Role, string Permission)> Locked,
    string? Conflict);
