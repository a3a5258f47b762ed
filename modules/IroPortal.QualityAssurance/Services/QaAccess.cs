using System.Security.Claims;
using System.Text.RegularExpressions;
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

/// <summary>The council's case reference: how a child is identified here, never by name.</summary>
public static partial class CaseReference
{
    public const string Error = "Enter the council's case reference, like NM-10234: letters, numbers and dashes, with at least one number. Never enter the child's name";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9/-]{2,29}$")]
    private static partial Regex Shape();

    public static bool IsValid(string? value) => value is not null && Shape().IsMatch(value.Trim()) && value.Any(char.IsAsciiDigit);
}
