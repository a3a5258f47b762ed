using System.Security.Claims;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;

namespace IroPortal.QualityAssurance.Services;

/// <summary>Whose records a user may see: a manager every IRO's, an IRO only their own.</summary>
public sealed class QaAccess(IPermissionChecker permissions)
{
    public async Task<bool> IsManagerAsync(ClaimsPrincipal user) => await permissions.IsGrantedAsync(user, QaPermissions.Manage);

    public async Task<bool> CanSeeAsync(ClaimsPrincipal user, Guid iroId) =>
        await IsManagerAsync(user) || (user.UserId() == iroId && await permissions.IsGrantedAsync(user, QaPermissions.ViewOwn));
}

