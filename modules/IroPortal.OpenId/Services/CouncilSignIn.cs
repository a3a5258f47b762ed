using IroPortal.Data;
using IroPortal.Modularity.Permissions;
using IroPortal.OpenId.Models;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IroPortal.OpenId.Services;

/// <summary>The council's sign-in as the rest of the portal sees it: the button, who must use it, groups to roles,
/// and whether signing out ends the provider's session too.</summary>
public sealed class CouncilSignIn(IOptions<CouncilSignInOptions> options, PortalDbContext db) : IExternalSignInOption
{
    public const string StartPathValue = "/account/council";
    public const string ProviderSignOutPath = "/account/council/sign-out";

    /// <summary>Roles that may be required to use it. Administrators keep a password, so that a provider that is down
    /// never locks the portal out of its own settings.</summary>
    public static IReadOnlyList<string> RolesThatMayBeRequired => PortalRoles.All.Where(r => r != PortalRoles.Administrator).ToList();

    public bool IsAvailable => options.Value.IsConfigured;
    public string ButtonText => options.Value.ButtonText;
    public string StartPath => StartPathValue;

    public async Task<SignInSettings> SettingsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<SignInSettings>().AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SignInSettings();

    public static IReadOnlyList<string> Roles(SignInSettings settings) =>
        settings.RequiredForRoles.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public async Task<bool> IsRequiredForAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default) =>
        IsAvailable && !roles.Contains(PortalRoles.Administrator) && Roles(await SettingsAsync(cancellationToken)).Intersect(roles).Any();

    public async Task<string?> SignOutPathAsync(CancellationToken cancellationToken = default) =>
        IsAvailable && (await SettingsAsync(cancellationToken)).SignOutOfProvider ? ProviderSignOutPath : null;

    public async Task<IReadOnlyList<string>> RolesForGroupsAsync(IReadOnlyCollection<string> groups, CancellationToken cancellationToken = default) =>
        groups.Count == 0 ? [] : await db.Set<GroupRole>().Where(g => groups.Contains(g.Group)).Select(g => g.Role).Distinct().ToListAsync(cancellationToken);
}
