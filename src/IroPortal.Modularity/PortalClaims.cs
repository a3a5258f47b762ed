using System.Security.Claims;

namespace IroPortal.Modularity;

public static class PortalClaims
{
    public const string DisplayNameClaim = "iroportal:display_name";

    /// <summary>The user's name as people know it; their sign-in name if it is missing.</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "";

    /// <summary>The signed-in user's id, or null for an anonymous visitor.</summary>
    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
