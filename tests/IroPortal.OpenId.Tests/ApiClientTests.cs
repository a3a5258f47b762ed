using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IroPortal.Data;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using IroPortal.OpenId.Services;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace IroPortal.OpenId.Tests;

public sealed class ApiClientTests
{
    private static readonly string Figures = $"/api/v1/figures/{IroPortal.Modularity.ReportingYear.Containing(DateOnly.FromDateTime(DateTime.UtcNow)) - 1}"; // the demo council's last year

    private static async Task<IssuedSecret> RegisterThroughThePage(HttpClient admin, string name, params string[] scopes)
    {
        var page = await admin.GetStringAsync("/admin/api-clients");
        var fields = new List<KeyValuePair<string, string>> { new("Form.Name", name) };
        fields.AddRange(scopes.Select(s => new KeyValuePair<string, string>("Form.Scopes", s)));
        var registered = await admin.PostFormAsync("/admin/api-clients", fields, "/admin/api-clients");
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("no-store", registered.Headers.CacheControl!.ToString());
        var html = await registered.Content.ReadAsStringAsync();
        string Testid(string id) => WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, $"data-testid=\"{id}\">([^<]+)<").Groups[1].Value);
        return new IssuedSecret(Testid("client-id"), name, Testid("client-secret"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task An_administrator_registers_a_system_whose_token_reads_the_figures_until_its_secret_is_rotated_or_it_is_revoked(DatabaseProvider provider)
    {
        await using var app = new PortalApp(provider);
        var admin = await app.SignedInClient("admin@northmoor.example");
        var client = await RegisterThroughThePage(admin, "BI reports", "figures.read");
        Assert.StartsWith("bi-reports-", client.ClientId);
        Assert.NotNull(client.Secret);
        Assert.True(client.Secret.Length >= 40);
        // The secret is never shown again, and is kept only hashed.
        var list = await admin.GetStringAsync("/admin/api-clients");
        Assert.Contains(client.ClientId, list);
        Assert.DoesNotContain(client.Secret, list);
        Assert.False(await app.InDatabase(db => db.Set<OpenIddictEntityFrameworkCoreApplication>().AnyAsync(a => a.ClientSecret == client.Secret)));

        var http = app.NewClient();
        var token = await http.TokenAsync(client, "figures.read");
        var figures = await app.BearerClient(token).GetAsync(Figures);
        Assert.Equal(HttpStatusCode.OK, figures.StatusCode);
        Assert.True((await figures.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reviewsHeld").GetInt32() > 0);
        Assert.DoesNotContain("Never", WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/api-clients")).Split(client.ClientId)[1].Split("</tr>")[0]);

        // A new secret: the old one and its token stop at once.
        var listPage = await admin.GetStringAsync("/admin/api-clients");
        var rotated = await admin.SubmitAsync($"/admin/api-clients/{client.ClientId}/rotate", listPage, new(), "/admin/api-clients");
        var newSecret = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(await rotated.Content.ReadAsStringAsync(), "data-testid=\"client-secret\">([^<]+)<").Groups[1].Value);
        Assert.NotEqual(client.Secret, newSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.BearerClient(token).GetAsync(Figures)).StatusCode);
        Assert.False((await http.RequestTokenAsync(client.ClientId, client.Secret, "figures.read")).IsSuccessStatusCode);
        var newToken = await http.TokenAsync(client with { Secret = newSecret }, "figures.read");
        Assert.Equal(HttpStatusCode.OK, (await app.BearerClient(newToken).GetAsync(Figures)).StatusCode);

        // Revoked: its token is refused and it can get no more.
        var confirm = await admin.GetStringAsync($"/admin/api-clients/{client.ClientId}/revoke");
        var revoked = await admin.SubmitAsync($"/admin/api-clients/{client.ClientId}/revoke", confirm, new(), $"/admin/api-clients/{client.ClientId}/revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.BearerClient(newToken).GetAsync(Figures)).StatusCode);
        Assert.False((await http.RequestTokenAsync(client.ClientId, newSecret, "figures.read")).IsSuccessStatusCode);
        Assert.DoesNotContain(client.ClientId, await admin.GetStringAsync("/admin/api-clients"));

        var audit = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit"));
        Assert.Contains("API client registered", audit);
        Assert.Contains("API client secret rotated", audit);
        Assert.Contains("API client revoked", audit);
    }

    [Fact]
    public async Task A_registration_without_a_name_or_a_scope_says_what_is_missing_and_registers_nothing()
    {
        await using var app = new PortalApp();
        var admin = await app.SignedInClient("admin@northmoor.example");
        var answer = await admin.PostFormAsync("/admin/api-clients", [new("Form.Name", " ")], "/admin/api-clients");
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
        Assert.Contains("Enter the system&#x27;s name".Replace("&#x27;", "'"), html);
        Assert.Contains("Choose what the system may do", html);
        Assert.Equal(0, await app.InDatabase(db => db.Set<OpenIddictEntityFrameworkCoreApplication>().CountAsync()));
    }

    [Fact]
    public async Task Tokens_are_refused_for_a_wrong_secret_a_scope_not_granted_a_cookie_and_too_many_requests()
    {
        await using var app = new PortalApp(settings: new Dictionary<string, string?> { ["OpenId:ApiRequestsPerMinute"] = "3" });
        var client = await app.RegisterApiClientAsync("BI reports", "figures.read");
        var http = app.NewClient();

        var wrongSecret = await http.RequestTokenAsync(client.ClientId, "guessed", "figures.read");
        Assert.False(wrongSecret.IsSuccessStatusCode);
        Assert.Equal("invalid_client", (await wrongSecret.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        var notGranted = await http.RequestTokenAsync(client.ClientId, client.Secret!, "returns.write");
        Assert.False(notGranted.IsSuccessStatusCode);
        var refusal = await notGranted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("scope", refusal.GetProperty("error_description").GetString());
        Assert.False(refusal.TryGetProperty("access_token", out _));

        // A token without the scope an action needs: 403 problem details naming it.
        var token = await http.TokenAsync(client, "figures.read");
        var bearer = app.BearerClient(token);
        var push = await bearer.PostAsync("/api/v1/returns/2025", new MultipartFormDataContent());
        Assert.Equal(HttpStatusCode.Forbidden, push.StatusCode);
        Assert.Equal("application/problem+json", push.Content.Headers.ContentType!.MediaType);
        Assert.Contains("returns.write", (await push.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        // A signed-in manager's cookie is no use here: 401, not a redirect to the sign-in page.
        var manager = await app.SignedInClient("manager@northmoor.example");
        var withCookie = await manager.GetAsync(Figures);
        Assert.Equal(HttpStatusCode.Unauthorized, withCookie.StatusCode);
        Assert.Equal("application/problem+json", withCookie.Content.Headers.ContentType!.MediaType);
        Assert.Null(withCookie.Headers.Location);
        var forged = app.BearerClient("not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync(Figures)).StatusCode);

        // Three requests a minute for this client; the fourth waits.
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync(Figures)).StatusCode);
        var fourth = await bearer.GetAsync(Figures);
        Assert.Equal((HttpStatusCode)429, fourth.StatusCode);
        Assert.True(fourth.Headers.RetryAfter is not null || fourth.Headers.Contains("Retry-After"));
        Assert.Equal("application/problem+json", fourth.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Every_node_accepts_every_nodes_tokens_when_they_share_the_certificates()
    {
        var settings = TestCertificates.TokenKeySettings();
        await using var first = new PortalApp(DatabaseProvider.PostgreSQL, settings);
        var client = await first.RegisterApiClientAsync("BI reports", "figures.read");
        var token = await first.NewClient().TokenAsync(client, "figures.read");
        settings["Database:ConnectionString"] = first.ConnectionString;
        settings["Demo:Enabled"] = "false";
        settings["Security:RequireTwoFactor"] = "true";
        await using var second = new PortalApp(DatabaseProvider.PostgreSQL, settings);
        Assert.Equal(HttpStatusCode.OK, (await second.BearerClient(token).GetAsync(Figures)).StatusCode);
    }

    [Fact]
    public void Production_will_not_start_without_the_token_certificates_and_says_which_settings()
    {
        using var app = new PortalApp(environment: "Production", settings: new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false", ["Security:RequireTwoFactor"] = "true", ["OpenId:SigningCertificatePath"] = "", ["OpenId:EncryptionCertificatePath"] = "",
        });
        var failure = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains("OpenId:SigningCertificatePath", failure.ToString());
    }

    [Fact]
    public async Task Expired_tokens_are_removed_by_the_nightly_disposal_once_retention_is_confirmed()
    {
        await using var app = new PortalApp();
        var client = await app.RegisterApiClientAsync("BI reports", "figures.read");
        await app.NewClient().TokenAsync(client, "figures.read");
        Assert.Equal(1, await app.InDatabase(db => db.Set<OpenIddictEntityFrameworkCoreToken>().CountAsync()));
        // Two days on: the token expired long ago (OpenIddict's store compares with the real clock, so the record is aged instead).
        await app.InDatabase(db => db.Set<OpenIddictEntityFrameworkCoreToken>().ExecuteUpdateAsync(t => t
            .SetProperty(x => x.CreationDate, DateTime.UtcNow.AddDays(-2)).SetProperty(x => x.ExpirationDate, DateTime.UtcNow.AddDays(-2).AddMinutes(10))));
        var admin = await app.SignedInClient("admin@northmoor.example");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/retention/confirm", new() { ["version"] = "1" }, "/admin/retention")).StatusCode);
        var job = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetServices<IroPortal.Modularity.Scheduling.ScheduledWork>(app.Services).Single(w => w.Key == "dataprotection.dispose");
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
        await ((IroPortal.Modularity.Scheduling.IScheduledWork)scope.ServiceProvider.GetService(job.WorkType)!).RunAsync(default);
        Assert.Equal(0, await app.InDatabase(db => db.Set<OpenIddictEntityFrameworkCoreToken>().CountAsync()));
    }

    [Fact]
    public async Task Administrators_read_the_reference_and_the_openapi_document()
    {
        await using var app = new PortalApp();
        var admin = await app.SignedInClient("admin@northmoor.example");
        var reference = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/api-clients/reference"));
        Assert.Contains("POST /api/v1/returns/{year}", reference);
        Assert.Contains("GET /api/v1/figures/{year}", reference);
        Assert.Contains("returns.write", reference);
        var document = await admin.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/returns/{year}", paths);
        Assert.Contains("/api/v1/figures/{year}", paths);
        Assert.DoesNotContain(paths, p => !p.StartsWith("/api/v1/"));
        var manager = await app.SignedInClient("manager@northmoor.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/openapi.json")).StatusCode);
    }

    [Fact]
    public async Task A_system_registered_with_a_certificate_gets_tokens_with_assertions_signed_by_its_key_and_never_has_a_secret()
    {
        await using var app = new PortalApp();
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=Northmoor data warehouse", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var admin = await app.SignedInClient("admin@northmoor.example");
        var registered = await admin.PostFormAsync("/admin/api-clients",
            [new("Form.Name", "Data warehouse"), new("Form.Scopes", "figures.read"), new("Form.Certificate", certificate.ExportCertificatePem())], "/admin/api-clients");
        var page = WebUtility.HtmlDecode(await registered.Content.ReadAsStringAsync());
        Assert.Contains("No secret was issued", page);
        Assert.DoesNotContain("data-testid=\"client-secret\"", page);
        var clientId = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"client-id\">([^<]+)<").Groups[1].Value;

        async Task<HttpResponseMessage> AskWith(RSA signingKey) => await app.NewClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["scope"] = "figures.read",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                TokenType = "client-authentication+jwt", Issuer = clientId, Audience = "https://localhost/", IssuedAt = DateTime.UtcNow, Expires = DateTime.UtcNow.AddMinutes(2),
                Subject = new ClaimsIdentity([new Claim("sub", clientId), new Claim("jti", Guid.NewGuid().ToString())]),
                SigningCredentials = new SigningCredentials(new RsaSecurityKey(signingKey), SecurityAlgorithms.RsaSha256),
            }),
        }));
        var granted = await AskWith(key);
        var body = await granted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(granted.IsSuccessStatusCode, body.ToString());
        Assert.Equal(HttpStatusCode.OK, (await app.BearerClient(body.GetProperty("access_token").GetString()!).GetAsync(Figures)).StatusCode);

        using var otherKey = RSA.Create(2048);
        Assert.False((await AskWith(otherKey)).IsSuccessStatusCode);
        Assert.False((await app.NewClient().RequestTokenAsync(clientId, "", "figures.read")).IsSuccessStatusCode);
        Assert.Contains("Certificate, expires", WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/api-clients")));

        var notPem = await admin.PostFormAsync("/admin/api-clients",
            [new("Form.Name", "Broken"), new("Form.Scopes", "figures.read"), new("Form.Certificate", "MIIB-not-a-certificate")], "/admin/api-clients");
        Assert.Contains("The certificate must be in PEM form", WebUtility.HtmlDecode(await notPem.Content.ReadAsStringAsync()));
    }
}
