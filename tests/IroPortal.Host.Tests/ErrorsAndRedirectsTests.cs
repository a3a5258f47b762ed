using System.Net;
using IroPortal.Modularity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Host.Tests;

/// <summary>What an attacker probing the portal sees: the error page's status is the failure's own, no return address
/// leads off-site or fails, and no header names the server.</summary>
public sealed class ErrorsAndRedirectsTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Theory]
    [InlineData("/error/0")]
    [InlineData("/error/200")]
    [InlineData("/error/503")]
    public async Task The_error_page_visited_directly_is_not_found_whatever_status_its_address_names(string path)
    {
        var response = await portal.App.NewClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_missing_page_answers_404_with_the_friendly_page_and_a_form_field_cannot_change_it()
    {
        var client = portal.App.NewClient();
        var missing = await client.GetAsync("/no-such-page?status=200");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/\t/evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/qa\r\nSet-Cookie: x=1")]
    public async Task A_strange_or_off_site_return_address_at_sign_in_goes_to_the_staff_home(string returnUrl)
    {
        var client = portal.App.NewClient();
        var response = await client.PostFormAsync("/account/sign-in", new() { ["Email"] = "manager@northmoor.example", ["Password"] = PortalApp.DemoPassword, ["ReturnUrl"] = returnUrl });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_return_address_on_the_portal_is_kept()
    {
        var client = portal.App.NewClient();
        var response = await client.PostFormAsync("/account/sign-in", new() { ["Email"] = "manager@northmoor.example", ["Password"] = PortalApp.DemoPassword, ["ReturnUrl"] = "/qa?year=2025#overdue" });
        Assert.Equal("/qa?year=2025#overdue", response.Headers.Location?.OriginalString);
        Assert.True(ReturnAddress.IsLocal("/"));
        Assert.False(ReturnAddress.IsLocal("/a\\b"));
        Assert.False(ReturnAddress.IsLocal(new string('a', 10) + "/"));
    }

    [Fact]
    public async Task No_header_names_the_server()
    {
        await using var app = new PortalApp();
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        using var http = new HttpClient();
        var response = await http.GetAsync(address + "/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), "the Server header is " + string.Join(",", response.Headers.TryGetValues("Server", out var v) ? v : []));
    }

    [Fact]
    public async Task A_page_a_role_may_not_see_answers_403_with_the_plain_page()
    {
        var iro = await portal.App.SignedInClient("iro1@northmoor.example");
        var refused = await iro.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("You cannot see this page", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_form_over_the_limits_answers_413_with_a_plain_page_and_is_not_an_error()
    {
        var client = portal.App.NewClient();
        var manyFields = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(Enumerable.Range(0, 1100).Select(i => KeyValuePair.Create($"f{i}", "x"))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, manyFields.StatusCode);
        Assert.Contains("What you sent is too large", await manyFields.Content.ReadAsStringAsync());
        var longField = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent([KeyValuePair.Create("Email", new string('a', 5 * 1024 * 1024))]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, longField.StatusCode);
    }

    [Fact]
    public async Task Plain_HTTP_that_bypasses_the_proxy_in_production_is_sent_to_HTTPS_or_refused_never_an_error()
    {
        await using var app = new PortalApp(settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "false" }, environment: "Production");
        var http = app.CreateClient(new() { BaseAddress = new Uri("http://portal.example"), AllowAutoRedirect = false });
        var read = await http.GetAsync("/account/sign-in?returnUrl=%2Fqa");
        Assert.Equal(HttpStatusCode.PermanentRedirect, read.StatusCode);
        Assert.Equal("https://portal.example/account/sign-in?returnUrl=%2Fqa", read.Headers.Location?.OriginalString);
        var post = await http.PostAsync("/account/sign-in", new FormUrlEncodedContent([KeyValuePair.Create("Email", "a@b.c")]));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("only over HTTPS", await post.Content.ReadAsStringAsync());
        Assert.False(post.Headers.Contains("Set-Cookie"));
    }
}
