using System.Security.Claims;
using IroPortal.Data;
using IroPortal.Modularity.Permissions;
using IroPortal.Users.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Users.Services;

/// <summary>Reads the grants of the user's roles from the database once per request. No cross-request
/// cache: another web node may have just changed a grant.</summary>
internal sealed class PermissionChecker(PortalDbContext db) : IPermissionChecker
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();
    private (ClaimsPrincipal User, IReadOnlySet<string> Granted)? _cached;

    public async Task<bool> IsGrantedAsync(ClaimsPrincipal user, string permission) =>
        (await GetGrantedAsync(user)).Contains(permission);

    public async Task<IReadOnlySet<string>> GetGrantedAsync(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return None;
        if (_cached is { } cached && ReferenceEquals(cached.User, user)) return cached.Granted;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var granted = await (
            from grant in db.Set<RolePermission>()
            join role in db.Set<PortalRole>() on grant.RoleId equals role.Id
            where roles.Contains(role.Name!)
            select grant.Permission).Distinct().ToListAsync();
        var set = granted.ToHashSet(StringComparer.Ordinal);
        _cached = (user, set);
        return set;
    }
}
