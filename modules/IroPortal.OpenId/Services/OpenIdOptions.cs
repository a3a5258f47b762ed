namespace IroPortal.OpenId.Services;

/// <summary>The "OpenId" section of configuration.</summary>
public sealed class OpenIdOptions
{
    /// <summary>A .pfx whose key signs the portal's tokens. Every node must have the same one, so that every node
    /// accepts every token. Required in Production; elsewhere a key made at start-up is used (tokens then last only
    /// as long as the process).</summary>
    public string? SigningCertificatePath { get; set; }
    public string? SigningCertificatePassword { get; set; }

    /// <summary>A .pfx whose key encrypts the portal's tokens (they are JWTs encrypted to the portal itself, so a
    /// client cannot read or alter what is inside). Required in Production, as for signing.</summary>
    public string? EncryptionCertificatePath { get; set; }
    public string? EncryptionCertificatePassword { get; set; }

    /// <summary>How long an API access token lasts. Short, so a leaked token is soon useless.</summary>
    public int AccessTokenMinutes { get; set; } = 10;

    /// <summary>API requests one client may make a minute on one node; more are refused with 429.</summary>
    public int ApiRequestsPerMinute { get; set; } = 120;
}
