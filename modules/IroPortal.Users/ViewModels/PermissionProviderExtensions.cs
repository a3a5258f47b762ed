using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;

namespace IroPortal.Users.ViewModels;

internal static class PermissionProviderExtensions
{
    public static HashSet<string> AllDefined(this IEnumerable<IPermissionProvider> providers) =>
        providers.SelectMany(p => p.GetPermissions()).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
}
