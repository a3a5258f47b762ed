using System.Security.Claims;
using IroPortal.Modularity.Permissions;

namespace IroPortal.Modularity.Navigation;

/// <summary>An entry in the staff navigation and on the staff home page.</summary>
public sealed record MenuItem(string Section, string Title, string Url, string Permission, string Description = "", int Order = 0);

/// <summary>A module's AdminMenu.cs implements this.</summary>
public interface INavigationProvider
{
    IEnumerable<MenuItem> GetMenuItems();
}

public sealed class NavigationService(IEnumerable<INavigationProvider> providers, IPermissionChecker permissions)
{
    /// <summary>The entries this user's permissions allow, by section.</summary>
    public async Task<IReadOnlyList<IGrouping<string, MenuItem>>> GetMenuAsync(ClaimsPrincipal user)
    {
        var granted = await permissions.GetGrantedAsync(user);
        return providers.SelectMany(p => p.GetMenuItems())
            .Where(item => granted.Contains(item.Permission))
            .OrderBy(item => item.Order).ThenBy(item => item.Title, StringComparer.Ordinal)
            .GroupBy(item => item.Section)
            .ToList();
    }
}
