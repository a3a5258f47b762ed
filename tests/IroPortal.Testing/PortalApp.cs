using System.Net;
using System.Text.RegularExpressions;
using IroPortal.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Testing;

/// <summary>The whole portal on a test server, on its own empty database (SQLite file or PostgreSQL
/// database), with the demo council seeded unless a test says otherwise.</summary>
public sealed partial class PortalApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Northmoor-demo-2026";

    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;

    /// <summary>The portal's clock; tests move it instead of waiting.</summary>
    public TestClock Clock { get; } = new();

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public PortalApp(DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null, string environment = "Testing")
    {
        Provider = provider;
        ConnectionString = provider == DatabaseProvider.PostgreSQL
            ? PostgresServer.Instance.CreateDatabase()
            : $"Data Source={Path.Combine(TestPaths.Scratch, $"portal-{Guid.NewGuid():N}.db")}";
        _environment = environment;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = ConnectionString,
            ["Demo:Enabled"] = "true",
            ["Security:RequireTwoFactor"] = "false",
            ["Security:SignInAttemptsPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
        // Two-factor may be off only for the demo; without demo data the portal insists on it.
        if (_settings["Demo:Enabled"] == "false" && settings?.ContainsKey("Security:RequireTwoFactor") != true)
            _settings["Security:RequireTwoFactor"] = "true";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // Theme and module files come from their projects, as in development, whatever the environment.
        builder.UseStaticWebAssets();
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }

    /// <summary>A browser-like client: HTTPS (so secure cookies flow), keeps cookies, does not follow redirects.</summary>
    public HttpClient NewClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as one of the demo users (two-factor off unless the test turned it on).</summary>
    public async Task<HttpClient> SignedInClient(string email, string password = DemoPassword)
    {
        var client = NewClient();
        var response = await client.PostFormAsync("/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

}

public static partial class FormPosting
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>Reads the form's page first (as a browser would), then posts the fields with its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? path);
        var token = TokenPattern().Match(page) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {formPage ?? path}");
        return await client.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>Posts a form from a page the test already has, as a browser does (some pages change on every visit).</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string path, string pageHtml, Dictionary<string, string> fields)
    {
        var token = WebUtility.HtmlDecode(TokenPattern().Match(pageHtml).Groups[1].Value);
        return client.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>Posts several values for one field name (checkboxes).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, string formPage)
    {
        var page = await client.GetStringAsync(formPage);
        var token = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }
}

/// <summary>Real time, which a test can jump forward (to the next authenticator code, past a deadline).
/// It keeps running, as real clocks do: sign-in checks rely on some time passing between requests.</summary>
public sealed class TestClock : TimeProvider
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
    private readonly global::System.Diagnostics.Stopwatch _running = global::System.Diagnostics.Stopwatch.StartNew();
    private TimeSpan _jumped;
    public override DateTimeOffset GetUtcNow() => _start + _running.Elapsed + _jumped;
    public void Advance(TimeSpan by) => _jumped += by;
}

public static class TestPaths
{
    public static string Scratch { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "iroportal-tests")).FullName;
}
