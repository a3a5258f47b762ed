using System.Net;
using System.Text.RegularExpressions;
using IroPortal.Users.Models;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Host.Tests;

/// <summary>Behind a TLS-terminating proxy: the portal on real Kestrel receives plain HTTP from the proxy's
/// address, with X-Forwarded-Proto and X-Forwarded-For saying what the person's browser sent.</summary>
public sealed class ProxyTests
{
    [Fact]
    public async Task Behind_a_trusted_proxy_forms_work_with_secure_cookies_and_the_audit_trail_records_the_persons_address()
    {
        await using var app = new PortalApp(settings: new Dictionary<string, string?> { ["Security:TrustedProxies:0"] = "127.0.0.1", ["Security:TrustedProxies:1"] = "::1" });
        var (client, baseUrl) = Start(app);
        var form = await client.SendAsync(Proxied(HttpMethod.Get, $"{baseUrl}/account/sign-in"));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var cookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-iroportal.antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        var token = WebUtility.HtmlDecode(Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);

        var attempt = Proxied(HttpMethod.Post, $"{baseUrl}/account/sign-in");
        attempt.Headers.Add("Cookie", cookie.Split(';')[0]);
        attempt.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "iro1@northmoor.example", ["Password"] = "wrong-password-attempt", ["__RequestVerificationToken"] = token });
        var failed = await client.SendAsync(attempt);
        Assert.Contains("The email address or password is not right", await failed.Content.ReadAsStringAsync());
        var recorded = await app.InDatabase(db => db.Set<AuditEvent>().Where(e => e.EventType == "Sign-in failed").Select(e => e.IpAddress).SingleAsync());
        Assert.Equal("203.0.113.9", recorded);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_not_trusted_are_ignored()
    {
        await using var app = new PortalApp(settings: new Dictionary<string, string?> { ["Security:TrustedProxies:0"] = "10.9.8.7", ["Security:CookiesRequireHttps"] = "false" });
        var (client, baseUrl) = Start(app);
        var page = await client.SendAsync(Proxied(HttpMethod.Get, $"{baseUrl}/account/sign-in"));
        // The request stayed plain HTTP: cookies that may travel over it are neither Secure nor named __Host-.
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("iroportal.antiforgery=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static (HttpClient Client, string BaseUrl) Start(PortalApp app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }), address.TrimEnd('/'));
    }

    private static HttpRequestMessage Proxied(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        return request;
    }
}
