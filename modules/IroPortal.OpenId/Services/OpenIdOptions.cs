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

public enum CouncilProvider { None, Microsoft, OpenIdConnect }

/// <summary>The "OpenId:SignIn" section: the council's identity provider. The client id and secret live only in
/// settings (or the secret store that feeds them), never on a page.</summary>
public sealed class CouncilSignInOptions
{
    /// <summary>Microsoft (Entra ID, through OpenIddict's Microsoft provider, with <see cref="Tenant"/>), any other
    /// OpenID Connect provider by its <see cref="Issuer"/>, or None (password sign-in only).</summary>
    public CouncilProvider Provider { get; set; } = CouncilProvider.None;
    public string? Issuer { get; set; }
    /// <summary>Entra ID's directory (tenant) id or domain: the council's own, never "common", so that only its
    /// own staff can sign in.</summary>
    public string? Tenant { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>Instead of a secret: a .pfx whose key signs the portal's client assertions (the certificate itself is
    /// uploaded to the provider's registration).</summary>
    public string? ClientCertificatePath { get; set; }
    public string? ClientCertificatePassword { get; set; }
    /// <summary>On the button: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "your council account";
    /// <summary>The claim that lists the person's groups.</summary>
    public string GroupsClaim { get; set; } = "groups";
    /// <summary>The council's provider always requires multi-factor authentication (a conditional-access policy),
    /// so the portal need not ask for its own code even when the token does not say so.</summary>
    public bool AlwaysRequiresMultiFactor { get; set; }
    /// <summary>The provider's email addresses are the council's own and so verified, even without an
    /// email_verified claim (Entra ID sends none). Only for a single-tenant registration.</summary>
    public bool EmailsAreVerified { get; set; }

    public bool IsConfigured => Provider != CouncilProvider.None && !string.IsNullOrWhiteSpace(ClientId);
    public string ButtonText => $"Sign in with {DisplayName}";

    /// <summary>Where the provider's sign-in and sign-out pages are.</summary>
    public string Origin => Provider == CouncilProvider.Microsoft ? "https://login.microsoftonline.com" : new Uri(Issuer!, UriKind.Absolute).GetLeftPart(UriPartial.Authority);

    /// <summary>Who vouches for the subject: a subject is unique only within its issuer, so links are kept by it.</summary>
    public string IssuerKey => Provider == CouncilProvider.Microsoft ? $"https://login.microsoftonline.com/{Tenant}/v2.0" : new Uri(Issuer!, UriKind.Absolute).ToString();
    public string ProviderName => Provider == CouncilProvider.Microsoft ? "Microsoft" : "Council";

    public const string CallbackPath = "account/council/callback";
    public const string SignedOutPath = "account/council/signed-out";

    /// <summary>A clear start-up error for settings that cannot work.</summary>
    public void Check(bool production)
    {
        if (Provider == CouncilProvider.None) return;
        string Missing(string what) => $"OpenId:SignIn:Provider is {Provider}, but OpenId:SignIn:{what} is not set.";
        if (string.IsNullOrWhiteSpace(ClientId)) throw new InvalidOperationException(Missing("ClientId"));
        if (string.IsNullOrWhiteSpace(ClientSecret) && string.IsNullOrWhiteSpace(ClientCertificatePath))
            throw new InvalidOperationException(Missing("ClientSecret (or ClientCertificatePath)"));
        if (Provider == CouncilProvider.OpenIdConnect && !Uri.TryCreate(Issuer, UriKind.Absolute, out _))
            throw new InvalidOperationException($"OpenId:SignIn:Issuer must be the provider's issuer address, like https://login.council.example/ (it is \"{Issuer}\").");
        if (Provider == CouncilProvider.OpenIdConnect && production && Issuer!.StartsWith("http:", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("OpenId:SignIn:Issuer must be an https:// address in Production.");
        if (Provider == CouncilProvider.Microsoft && (string.IsNullOrWhiteSpace(Tenant) || Tenant is "common" or "organizations" or "consumers"))
            throw new InvalidOperationException("OpenId:SignIn:Tenant must be the council's own Entra ID tenant (its directory id or domain), so that only the council's staff can sign in.");
    }
}
