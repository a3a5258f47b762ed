using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IroPortal.Browser.Tests;

/// <summary>
/// The portal on a real Kestrel server on a loopback port, and Debian's Chromium driven by Playwright
/// (CHROMIUM_PATH, else /usr/bin/chromium). Every page a test opens is watched for script errors and
/// content-security-policy violations, and can be checked with axe-core from the repository's npm packages.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _problems = [];

    public PortalApp App { get; }
    public string BaseUrl { get; }
    public IBrowserContext Context { get; }

    private BrowserSession(PortalApp app, string baseUrl, IPlaywright playwright, IBrowser browser, IBrowserContext context)
    {
        App = app;
        BaseUrl = baseUrl;
        _playwright = playwright;
        _browser = browser;
        Context = context;
    }

    public static async Task<BrowserSession> StartAsync(Dictionary<string, string?>? settings = null, int viewportWidth = 1280)
    {
        var all = new Dictionary<string, string?> { ["Security:CookiesRequireHttps"] = "false" }; // plain http on loopback
        foreach (var (key, value) in settings ?? []) all[key] = value;
        var app = new PortalApp(settings: all);
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(address.Replace("127.0.0.1", "localhost").Replace("[::1]", "localhost")).GetLeftPart(UriPartial.Authority);

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            // This machine has no network but loopback: keep Chromium from reaching out.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = viewportWidth, Height = 900 } });
        // Injected by the browser itself, so the pages' content security policy need not allow it.
        await context.AddInitScriptAsync(script: await File.ReadAllTextAsync(AxePath()));
        var session = new BrowserSession(app, baseUrl, playwright, browser, context);
        context.Page += (_, page) => session.Watch(page);
        return session;
    }

    public async Task<IPage> NewPageAsync() => await Context.NewPageAsync();

    /// <summary>Another browser, as someone else on another device would have: its own cookies, axe loaded.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL ??= BaseUrl;
        var context = await _browser.NewContextAsync(options);
        await context.AddInitScriptAsync(script: await File.ReadAllTextAsync(AxePath()));
        context.Page += (_, page) => Watch(page);
        return context;
    }

    /// <summary>Signs in through the form, as a person would (two-factor off unless the test turned it on).</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(PortalApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    private void Watch(IPage page)
    {
        page.PageError += (_, error) => _problems.Add($"script error on {page.Url}: {error}");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                _problems.Add($"content security policy violation on {page.Url}: {message.Text}");
        };
    }

    /// <summary>Fails if any page so far had a script error or broke the content security policy.</summary>
    public void AssertNoPageProblems() => Assert.True(_problems.Count == 0, string.Join("\n", _problems));

    /// <summary>axe-core's WCAG 2.2 A and AA rules on the page as it is now.</summary>
    /// <summary>The page is no wider than a <paramref name="width"/> px screen, naming the words that stick out so a
    /// failure says where to look, and passes axe.</summary>
    public static async Task AssertFitsAsync(IPage page, int width)
    {
        var wide = await page.EvaluateAsync<string>("""
            w => [...document.querySelectorAll('main *, footer *')].filter(e => e.children.length === 0 && e.getBoundingClientRect().right > w)
                   .map(e => e.tagName.toLowerCase() + ': ' + (e.textContent || '').trim().slice(0, 60)).join(' | ')
            """, width);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, $"{page.Url} is wider than a {width} px screen: {wide}");
        await AssertAccessibleAsync(page);
    }

    public static async Task AssertAccessibleAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>(
            "async tags => JSON.stringify((await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations)", WcagTags);
        var violations = JsonDocument.Parse(json).RootElement.EnumerateArray().Select(v =>
            $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at " +
            string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("target")[0].ToString()))).ToList();
        Assert.True(violations.Count == 0, $"axe found WCAG 2.2 AA violations on {page.Url}:\n" + string.Join("\n", violations));
    }

    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        return File.Exists(path) ? path : throw new InvalidOperationException($"Chromium was not found at {path}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH. .ci/run installs it.");
    }

    public static string AxePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var axe = Path.Combine(dir.FullName, "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(axe)) return axe;
        }
        throw new InvalidOperationException("axe-core was not found in node_modules. Run npm ci at the repository root (the build does this when it is missing).");
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }
}
