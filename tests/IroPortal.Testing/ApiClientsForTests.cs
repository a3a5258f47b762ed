using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using IroPortal.OpenId.Services;

namespace IroPortal.Testing;

public static class ApiClientsForTests
{
    /// <summary>Registers a client as an administrator would, and returns its id and the secret shown once.</summary>
    public static Task<IssuedSecret> RegisterApiClientAsync(this PortalApp app, string name, params string[] scopes) =>
        app.InScope<ApiClients, IssuedSecret>(clients => clients.RegisterAsync(name, scopes, "Test administrator"));

    public static Task<IssuedSecret> RegisterApiClientWithCertificateAsync(this PortalApp app, string name, string certificatePem, params string[] scopes) =>
        app.InScope<ApiClients, IssuedSecret>(clients => clients.RegisterAsync(name, scopes, "Test administrator", certificatePem));

    /// <summary>POST /connect/token with the client-credentials grant; the answer as sent.</summary>
    public static Task<HttpResponseMessage> RequestTokenAsync(this HttpClient http, string clientId, string secret, string scope) =>
        http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
        }));

    public static async Task<string> TokenAsync(this HttpClient http, IssuedSecret client, string scope)
    {
        using var response = await http.RequestTokenAsync(client.ClientId, client.Secret ?? throw new InvalidOperationException($"{client.ClientId} proves itself with a certificate, not a secret."), scope);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.TryGetProperty("access_token", out var token) ? token.GetString()! : throw new InvalidOperationException($"No token: {body}");
    }

    /// <summary>A client that sends the token and nothing else: no cookies.</summary>
    public static HttpClient BearerClient(this PortalApp app, string token)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>Self-signed certificates for the portal's token keys, as a council would make them (a .pfx each).</summary>
public static class TestCertificates
{
    private static readonly Lazy<(string Signing, string Encryption)> Made = new(() => (Make("signing", X509KeyUsageFlags.DigitalSignature), Make("encryption", X509KeyUsageFlags.KeyEncipherment)));

    /// <summary>32 random bytes in base64, made once per test run.</summary>
    public static readonly string ChildIdentifierKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static Dictionary<string, string?> TokenKeySettings() => new()
    {
        ["OpenId:SigningCertificatePath"] = Made.Value.Signing,
        ["OpenId:EncryptionCertificatePath"] = Made.Value.Encryption,
    };

    /// <summary>A certificate with its key, as a .pfx file: what the portal would present to the council's provider.</summary>
    public static (string Path, X509Certificate2 Certificate) ClientCertificate()
    {
        var path = Make("client", X509KeyUsageFlags.DigitalSignature);
        return (path, X509CertificateLoader.LoadPkcs12FromFile(path, null));
    }

    private static string Make(string use, X509KeyUsageFlags usage)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=IroPortal test {use}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(TestPaths.Scratch, $"token-{use}-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
        return path;
    }
}
