using System.Security.Cryptography;
using System.Text.RegularExpressions;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Api;
using IroPortal.OpenId.Models;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IroPortal.OpenId.Services;

/// <summary>An API client as the administrators' page shows it.</summary>
public sealed record ApiClient(string ClientId, string Name, IReadOnlyList<string> Scopes, DateTime CreatedUtc, string CreatedBy,
    DateTime SecretChangedUtc, string? CertificateThumbprint, DateTime? CertificateExpiresUtc, DateTime? LastUsedUtc, string? LastUsedFrom)
{
    public bool UsesCertificate => CertificateThumbprint is not null;
}

/// <summary>A client just registered or given a new secret: the only time the secret is ever shown. A client that
/// uses a certificate has no secret.</summary>
public sealed record IssuedSecret(string ClientId, string Name, string? Secret, string? CertificateThumbprint = null);

/// <summary>What was wrong with a registration, in words for the form.</summary>
public sealed class RegistrationRefusedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>Registers the council's systems as OpenIddict applications that may use the client-credentials flow
/// with the scopes chosen, and keeps every change in the audit trail.</summary>
public sealed partial class ApiClients(
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens,
    IEnumerable<IApiScopeProvider> scopeProviders,
    PortalDbContext db,
    IAuditTrail audit,
    TimeProvider clock)
{
    public IReadOnlyList<ApiScope> AllScopes => scopeProviders.SelectMany(p => p.GetScopes()).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyList<ApiClient>> ListAsync(CancellationToken cancellationToken = default)
    {
        var records = await db.Set<ApiClientRecord>().AsNoTracking().ToDictionaryAsync(r => r.ClientId, cancellationToken);
        var list = new List<ApiClient>();
        await foreach (var application in applications.ListAsync(cancellationToken: cancellationToken))
        {
            var clientId = await applications.GetClientIdAsync(application, cancellationToken);
            if (clientId is null || !records.TryGetValue(clientId, out var record)) continue;
            list.Add(await ToClientAsync(application, record, cancellationToken));
        }
        return list.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public async Task<ApiClient?> FindAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var record = await db.Set<ApiClientRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.ClientId == clientId, cancellationToken);
        var application = record is null ? null : await applications.FindByClientIdAsync(clientId, cancellationToken);
        return application is null ? null : await ToClientAsync(application, record!, cancellationToken);
    }

    /// <param name="certificatePem">The client's public certificate (PEM): it then signs a client assertion with the
    /// certificate's key instead of sending a secret.</param>
    public async Task<IssuedSecret> RegisterAsync(string name, IReadOnlyCollection<string> scopes, string by, string? certificatePem = null, CancellationToken cancellationToken = default)
    {
        var known = AllScopes.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (scopes.Count == 0 || scopes.Any(s => !known.Contains(s)))
            throw new RegistrationRefusedException("Scopes", "Choose what the system may do");
        var certificate = string.IsNullOrWhiteSpace(certificatePem) ? null : ReadCertificate(certificatePem);
        var clientId = $"{Slug(name)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        var secret = certificate is null ? NewSecret() : null;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name.Trim(),
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        if (certificate is not null)
            descriptor.JsonWebKeySet = new Microsoft.IdentityModel.Tokens.JsonWebKeySet
            {
                Keys = { Microsoft.IdentityModel.Tokens.JsonWebKeyConverter.ConvertFromX509SecurityKey(new Microsoft.IdentityModel.Tokens.X509SecurityKey(certificate), representAsRsaKey: true) },
            };
        foreach (var scope in scopes) descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        var now = clock.GetUtcNow().UtcDateTime;
        await applications.CreateAsync(descriptor, cancellationToken);
        db.Add(new ApiClientRecord
        {
            ClientId = clientId, CreatedUtc = now, CreatedBy = by, SecretChangedUtc = now,
            CertificateThumbprint = certificate?.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), CertificateExpiresUtc = certificate?.NotAfter.ToUniversalTime(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditEvents.ApiClientRegistered, $"{descriptor.DisplayName} ({clientId}), scopes {string.Join(", ", scopes.Order(StringComparer.Ordinal))}" +
            (certificate is null ? ", with a secret." : $", with a certificate (SHA-256 {certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256)})."), cancellationToken: cancellationToken);
        return new IssuedSecret(clientId, descriptor.DisplayName, secret, certificate?.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256));
    }

    private System.Security.Cryptography.X509Certificates.X509Certificate2 ReadCertificate(string pem)
    {
        System.Security.Cryptography.X509Certificates.X509Certificate2 certificate;
        try
        {
            certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(pem.Trim());
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw new RegistrationRefusedException("Certificate", "The certificate must be in PEM form, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----");
        }
        if (System.Security.Cryptography.X509Certificates.RSACertificateExtensions.GetRSAPublicKey(certificate) is null)
            throw new RegistrationRefusedException("Certificate", "The certificate must have an RSA key");
        if (certificate.NotAfter.ToUniversalTime() <= clock.GetUtcNow().UtcDateTime)
            throw new RegistrationRefusedException("Certificate", $"The certificate expired on {UkTime.Format(certificate.NotAfter.ToUniversalTime())}");
        return certificate;
    }

    /// <summary>A new secret; the old one stops working at once, and so do the tokens it was used for.</summary>
    public async Task<IssuedSecret?> RotateAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        var record = await db.Set<ApiClientRecord>().SingleOrDefaultAsync(r => r.ClientId == clientId, cancellationToken);
        if (application is null || record is null || record.CertificateThumbprint is not null) return null;
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        var secret = NewSecret();
        descriptor.ClientSecret = secret;
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        var revoked = await tokens.RevokeByApplicationIdAsync((await applications.GetIdAsync(application, cancellationToken))!, cancellationToken);
        record.SecretChangedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditEvents.ApiClientSecretRotated, $"{descriptor.DisplayName} ({clientId}): new secret; {revoked} token(s) revoked.", cancellationToken: cancellationToken);
        return new IssuedSecret(clientId, descriptor.DisplayName ?? clientId, secret);
    }

    /// <summary>Removes the client and its tokens: its next request is refused.</summary>
    public async Task<bool> RevokeAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null) return false;
        var name = await applications.GetDisplayNameAsync(application, cancellationToken);
        await applications.DeleteAsync(application, cancellationToken);
        await db.Set<ApiClientRecord>().Where(r => r.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
        await audit.RecordAsync(AuditEvents.ApiClientRevoked, $"{name} ({clientId}): removed with its tokens.", cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>Called when the client is given a token.</summary>
    public async Task UsedAsync(string clientId, string? from, CancellationToken cancellationToken = default) =>
        await db.Set<ApiClientRecord>().Where(r => r.ClientId == clientId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.LastUsedUtc, clock.GetUtcNow().UtcDateTime)
            .SetProperty(r => r.LastUsedFrom, from), cancellationToken);

    private async Task<ApiClient> ToClientAsync(object application, ApiClientRecord record, CancellationToken cancellationToken)
    {
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        var scopes = permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..]).Order(StringComparer.Ordinal).ToList();
        return new ApiClient(record.ClientId, await applications.GetDisplayNameAsync(application, cancellationToken) ?? record.ClientId, scopes,
            record.CreatedUtc, record.CreatedBy, record.SecretChangedUtc, record.CertificateThumbprint, record.CertificateExpiresUtc, record.LastUsedUtc, record.LastUsedFrom);
    }

    /// <summary>256 random bits, as URL-safe text (no padding), so it can go in a file, a header or a form as it is.</summary>
    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Slug(string name)
    {
        var slug = NotSlug().Replace(name.Trim().ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > 40) slug = slug[..40].TrimEnd('-');
        return slug.Length == 0 ? "client" : slug;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}

public static class AuditEvents
{
    public const string ApiClientRegistered = "API client registered";
    public const string ApiClientSecretRotated = "API client secret rotated";
    public const string ApiClientRevoked = "API client revoked";
}
