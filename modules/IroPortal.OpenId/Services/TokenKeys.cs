using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IroPortal.OpenId.Services;

/// <summary>The keys that sign and encrypt the portal's own tokens: certificates from settings, so every node
/// signs and reads alike; keys made at start-up only outside Production.</summary>
internal static class TokenKeys
{
    /// <summary>The certificates from settings, or nulls (outside Production only) for keys made at start-up.</summary>
    public static (X509Certificate2? Signing, X509Certificate2? Encryption) Load(OpenIdOptions options, IHostEnvironment environment)
    {
        var signing = Load(options.SigningCertificatePath, options.SigningCertificatePassword, "OpenId:SigningCertificatePath");
        var encryption = Load(options.EncryptionCertificatePath, options.EncryptionCertificatePassword, "OpenId:EncryptionCertificatePath");
        if ((signing is null || encryption is null) && environment.IsProduction())
            throw new InvalidOperationException(
                "OpenId:SigningCertificatePath and OpenId:EncryptionCertificatePath must name .pfx files in Production (with OpenId:SigningCertificatePassword " +
                "and OpenId:EncryptionCertificatePassword if they have one): every node needs the same keys to accept the tokens the others issue. " +
                "See \"The council's systems and the API\" in README.md for how to make them.");
        return (signing, encryption);
    }

    public static void Add(OpenIddictServerBuilder server, (X509Certificate2? Signing, X509Certificate2? Encryption) keys)
    {
        if (keys.Signing is null) server.AddSigningKey(MadeSigningKey());
        else server.AddSigningCertificate(keys.Signing);
        if (keys.Encryption is null) server.AddEncryptionKey(MadeEncryptionKey());
        else server.AddEncryptionCertificate(keys.Encryption);
    }

    /// <summary>The client's state tokens (the sign-in on its way to the council's provider and back) are protected
    /// with the same keys, so that any node can finish a sign-in another started.</summary>
    public static void Add(OpenIddictClientBuilder client, (X509Certificate2? Signing, X509Certificate2? Encryption) keys)
    {
        if (keys.Signing is null) client.AddSigningKey(MadeSigningKey());
        else client.AddSigningCertificate(keys.Signing);
        if (keys.Encryption is null) client.AddEncryptionKey(MadeEncryptionKey());
        else client.AddEncryptionCertificate(keys.Encryption);
    }

    // Keys made by this process (outside Production): an ECDSA P-256 key to sign and an AES-256 key to encrypt, made
    // in microseconds. OpenIddict's own ephemeral keys are 2048-bit RSA, which took 1.3 s of the first request here.
    private static ECDsaSecurityKey MadeSigningKey() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    private static SymmetricSecurityKey MadeEncryptionKey() => new(RandomNumberGenerator.GetBytes(32));

    public static X509Certificate2? Load(string? path, string? password, string setting)
    {
        if (string.IsNullOrWhiteSpace(path)) return null;
        if (!File.Exists(path)) throw new InvalidOperationException($"{setting} is \"{path}\", but there is no such file.");
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey) throw new InvalidOperationException($"{setting}: \"{path}\" holds no private key. Export the certificate with its key (.pfx).");
            return certificate;
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new InvalidOperationException($"{setting}: \"{path}\" could not be read as a .pfx file with the password given ({ex.Message}).");
        }
    }
}

/// <summary>Says at start-up, outside Development, that tokens are signed with keys made by this process: fine for
/// one node that may forget its tokens on a restart, not for several.</summary>
internal sealed class TokenKeysWarning(Microsoft.Extensions.Logging.ILogger<TokenKeysWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger,
            "OpenId:SigningCertificatePath or OpenId:EncryptionCertificatePath is not set: this node signs and encrypts tokens with keys made at start-up. " +
            "Other nodes will not accept its tokens, and they stop working when it restarts.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
