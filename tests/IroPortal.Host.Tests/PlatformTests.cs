using System.Net;
using System.Text.Json;
using IroPortal.Data;

namespace IroPortal.Host.Tests;

public sealed class PlatformTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/no/such/page")]
    public async Task Every_page_carries_the_security_headers(string path)
    {
        // HSTS is never sent to localhost, so ask as the council's own address would.
        var response = await portal.App.NewClient().GetAsync(new Uri("https://iro.northmoor.example" + path));
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Sign_in_and_antiforgery_cookies_are_secure_http_only_and_same_site()
    {
        var client = portal.App.NewClient();
        var form = await client.GetAsync("/account/sign-in");
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-iroportal.antiforgery=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", antiforgery);
        Assert.Contains("httponly", antiforgery);
        Assert.Contains("samesite=strict", antiforgery);

        var signIn = await client.PostFormAsync("/account/sign-in", new() { ["Email"] = "iro2@northmoor.example", ["Password"] = PortalApp.DemoPassword });
        var auth = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-iroportal.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", auth);
        Assert.Contains("httponly", auth);
        Assert.Contains("samesite=lax", auth);
    }

    [Fact]
    public async Task Public_pages_and_theme_files_are_served_without_signing_in_and_set_no_cookies()
    {
        var client = portal.App.NewClient();
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.False(home.Headers.Contains("Set-Cookie"));
        var css = await client.GetAsync("/_content/IroPortal.Themes.Public/lib/theme.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains(".govuk-", await css.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_tells_anyone_only_whether_the_portal_is_healthy_and_an_administrator_why()
    {
        var anonymous = await portal.App.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        using (var json = JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
            Assert.False(json.RootElement.TryGetProperty("checks", out _), "an anonymous caller was told the checks");
        }
        var manager = await (await portal.App.SignedInClient("manager@northmoor.example")).GetStringAsync("/health");
        Assert.DoesNotContain("checks", manager);

        var body = await (await portal.App.SignedInClient("admin@northmoor.example")).GetStringAsync("/health");
        using var details = JsonDocument.Parse(body);
        Assert.Equal(0, details.RootElement.GetProperty("checks").GetProperty("database").GetProperty("data").GetProperty("pendingMigrations").GetInt32());
        Assert.DoesNotContain(portal.App.ConnectionString, body);
        Assert.DoesNotContain(".db", body);
    }

    [Fact]
    public async Task A_user_mistake_gets_a_friendly_page_never_a_stack_trace()
    {
        var client = await portal.App.SignedInClient("admin@northmoor.example");
        var noToken = await client.PostAsync("/admin/users/new", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        var page = await noToken.Content.ReadAsStringAsync();
        Assert.Contains("there is a problem with that request", page);
        Assert.DoesNotContain("Exception", page);
    }
}

public sealed class ProductionGuardTests
{
    [Fact]
    public void Demo_users_are_never_seeded_in_production()
    {
        using var app = new PortalApp(settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "true", ["Security:RequireTwoFactor"] = "true" }, environment: "Production");
        var error = Assert.ThrowsAny<InvalidOperationException>(() => app.Services);
        Assert.Contains("Demo:Enabled is true in Production", error.Message);
    }

    [Fact]
    public void Two_factor_cannot_be_switched_off_outside_the_demo()
    {
        using var app = new PortalApp(settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "false", ["Security:RequireTwoFactor"] = "false" });
        var error = Assert.ThrowsAny<InvalidOperationException>(() => app.Services);
        Assert.Contains("RequireTwoFactor can be false only for the demo", error.Message);
    }

    [Fact]
    public async Task Production_starts_with_roles_and_no_users()
    {
        await using var app = new PortalApp(settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "false" }, environment: "Production");
        var client = app.NewClient();
        var response = await client.PostFormAsync("/account/sign-in", new() { ["Email"] = "admin@northmoor.example", ["Password"] = PortalApp.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email address or password is not right", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>Several web nodes behind a load balancer share one PostgreSQL database and nothing else.</summary>
public sealed class SeveralNodesTests
{
    [Fact]
    public async Task A_sign_in_made_on_one_node_is_honoured_by_another_through_keys_in_the_database()
    {
        await using var first = new PortalApp(DatabaseProvider.PostgreSQL);
        var signIn = await first.NewClient().PostFormAsync("/account/sign-in", new() { ["Email"] = "manager@northmoor.example", ["Password"] = PortalApp.DemoPassword });
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-iroportal.auth=", StringComparison.Ordinal)).Split(';')[0];

        await using var second = new PortalApp(DatabaseProvider.PostgreSQL, new Dictionary<string, string?> { ["Database:ConnectionString"] = first.ConnectionString });
        var client = second.NewClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Welcome, Helen Carter", await response.Content.ReadAsStringAsync());
    }
}

public sealed class KeyEncryptionTests
{
    [Fact]
    public async Task With_a_certificate_configured_the_keys_in_the_database_are_encrypted()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=IroPortal keys", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(TestPaths.Scratch, $"keys-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "secret"));

        await using var app = new PortalApp(settings: new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = path, ["DataProtection:CertificatePassword"] = "secret" });
        await app.SignedInClient("iro1@northmoor.example"); // signing in makes and uses a key
        var xml = await app.InDatabase(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Set<IroPortal.Data.DataProtection.DataProtectionKey>()));
        Assert.Contains("EncryptedData", xml.Xml);
        Assert.DoesNotContain("<masterKey", xml.Xml.Replace("encryptedSecret", ""), StringComparison.Ordinal);
    }
}
