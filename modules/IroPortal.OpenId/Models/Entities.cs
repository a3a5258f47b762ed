namespace IroPortal.OpenId.Models;

/// <summary>What the portal keeps about an API client beside OpenIddict's application: who registered it, when its
/// secret last changed, and when it last asked for a token. The secret itself is only in OpenIddict's table, hashed.</summary>
public sealed class ApiClientRecord
{
    public required string ClientId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime SecretChangedUtc { get; set; }
    public DateTime? LastUsedUtc { get; set; }
    public string? LastUsedFrom { get; set; }
}
