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
            // Email is written to files unless a test points it at an SMTP server: nothing leaves the machine.
            ["Email:PickupDirectory"] = Path.Combine(TestPaths.Scratch, $"mail-{Guid.NewGuid():N}"),
            // PDFs only where a test asks for them (WithPdf): printing the demo's at every start would slow every test.
            ["Pdf:ChromiumPath"] = Path.Combine(TestPaths.Scratch, "no-chromium-here"),
        };
        // Production insists on certificates for the portal's token keys, and on the council's key for children's identifiers.
        if (environment == "Production")
        {
            foreach (var (key, value) in TestCertificates.TokenKeySettings()) _settings[key] = value;
            _settings["DataProtection:ChildIdentifierKey"] = TestCertificates.ChildIdentifierKey;
        }
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

    /// <summary>Settings that let the portal print PDFs with the machine's Chromium (CHROMIUM_PATH, else Debian's).</summary>
    public static Dictionary<string, string?> WithPdf(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? []) { ["Pdf:ChromiumPath"] = ChromiumPath };
        return all;
    }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    /// <summary>Reads or changes the database directly, in a scope of its own.</summary>
    public async Task<TResult> InDatabase<TResult>(Func<PortalDbContext, Task<TResult>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>Uses a service in a scope of its own.</summary>
    public async Task<TResult> InScope<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A browser-like client: HTTPS (so secure cookies flow), keeps cookies, does not follow redirects.</summary>
    public HttpClient NewClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client like <see cref="NewClient"/> whose cookies the test can read and copy, as a thief would.</summary>
    public (HttpClient Client, CookieContainer Cookies) NewClientWithCookies(CookieContainer? cookies = null)
    {
        var container = cookies ?? new CookieContainer();
        return (CreateDefaultClient(new Uri("https://localhost"), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(container)), container);
    }

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
    [GeneratedRegex("<form\\b[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("\\baction=\"([^\"]*)\"")]
    private static partial Regex Action();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>The antiforgery token inside the form on <paramref name="pageHtml"/> that posts to
    /// <paramref name="path"/>, as a browser would send it. A form without one fails the test: a browser's
    /// post would be refused.</summary>
    public static string TokenOfForm(string pageHtml, string path, string pagePath)
    {
        var target = path.Split('?')[0];
        foreach (Match form in Forms().Matches(pageHtml))
        {
            var start = form.Value[..form.Value.IndexOf('>')];
            var action = Action().Match(start) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value).Split('?')[0] : pagePath.Split('?')[0];
            if (!start.Contains("method=\"post\"", StringComparison.OrdinalIgnoreCase) || action != target) continue;
            var token = TokenPattern().Match(form.Value);
            if (!token.Success) throw new InvalidOperationException($"The form on {pagePath} that posts to {target} has no antiforgery token, so a browser's post would be refused.");
            return WebUtility.HtmlDecode(token.Groups[1].Value);
        }
        throw new InvalidOperationException($"{pagePath} has no form that posts to {target}.");
    }

    /// <summary>Reads the form's page first (as a browser would), then posts the fields with that form's antiforgery token.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null) =>
        client.PostFormAsync(path, (IEnumerable<KeyValuePair<string, string>>)fields, formPage ?? path);

    /// <summary>Posts several values for one field name (checkboxes), from the form on <paramref name="formPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, string formPage)
    {
        var page = await client.GetStringAsync(formPage);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", TokenOfForm(page, path, formPage)))));
    }

    /// <summary>A request no page offers this user, made by hand as an attacker would, with a valid token
    /// borrowed from the page's sign-out form: what the server does with it must not depend on the page.</summary>
    public static async Task<HttpResponseMessage> CraftedPostAsync(this HttpClient client, string path, Dictionary<string, string> fields, string fromPage)
    {
        var page = await client.GetStringAsync(fromPage);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", TokenOfForm(page, "/account/sign-out", fromPage)))));
    }

    /// <summary>Posts a form from a page the test already has, as a browser does (some pages change on every visit).</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string path, string pageHtml, Dictionary<string, string> fields, string? pagePath = null) =>
        client.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", TokenOfForm(pageHtml, path, pagePath ?? path)))));
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
