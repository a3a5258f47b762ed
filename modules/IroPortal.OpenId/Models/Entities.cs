namespace IroPortal.OpenId.Models;

/// <summary>What the portal keeps about an API client beside OpenIddict's application: who registered it, when its
/// secret last changed, and when it last asked for a token. The secret itself is only in OpenIddict's table, hashed.</summary>
public sealed class ApiClientRecord
{
    public required string ClientId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime SecretChangedUtc { get; set; }
    /// <summary>A client that proves itself with a certificate's key (a signed client assertion) instead of a secret.</summary>
    public string? CertificateThumbprint { get; set; }
    public DateTime? CertificateExpiresUtc { get; set; }
    public DateTime? LastUsedUtc { get; set; }
    public string? LastUsedFrom { get; set; }
}

/// <summary>How staff sign in with the council's account, as the administrator set it. One row.</summary>
public sealed class SignInSettings
{
    public int Id { get; set; } = 1;
    /// <summary>Signing out of the portal also signs out of the council's account.</summary>
    public bool SignOutOfProvider { get; set; }
    /// <summary>Roles (one a line) that must sign in with the council's account rather than a portal password.</summary>
    public string RequiredForRoles { get; set; } = "";
    public DateTime? ChangedUtc { get; set; }
    public string? ChangedBy { get; set; }
}

/// <summary>A group at the council's provider whose members get a portal role: the only way the provider can give
/// anyone a role, or an account.</summary>
public sealed class GroupRole
{
    public Guid Id { get; set; }
    /// <summary>The group as the provider names it in the token (for Entra ID, the group's object id).</summary>
    public required string Group { get; set; }
    public required string Role { get; set; }
    public DateTime CreatedUtc { get; set; }
    public required string CreatedBy { get; set; }
}
