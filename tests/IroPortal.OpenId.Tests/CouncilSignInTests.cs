using System.Net;
using IroPortal.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Person = IroPortal.Testing.FakeCouncilProvider.Person;

namespace IroPortal.OpenId.Tests;

/// <summary>Staff sign in with the council's account, against a real OpenID Connect provider on loopback.</summary>
public sealed class CouncilSignInTests
{
    private static readonly Person Manager = new("entra-7f3a", "manager@northmoor.example", Name: "Pat Manager", Amr: ["pwd", "mfa"]);

    private static async Task<(FakeCouncilProvider Provider, PortalApp Portal)> Start(Dictionary<string, string?>? settings = null, string? claimedIssuer = null)
    {
        var provider = await FakeCouncilProvider.StartAsync(claimedIssuer);
        await provider.RegisterPortalAsync("https://localhost");
        return (provider, new PortalApp(settings: provider.PortalSettings(settings)));
    }

    /// <summary>What a browser does: the sign-in page's button, the provider's redirect back, and the portal's callback.</summary>
    private static async Task<(HttpResponseMessage Answer, Uri? Callback)> SignInThroughTheProvider(HttpClient portal, string returnUrl = "/qa")
    {
        var start = await portal.PostFormAsync("/account/council", new() { ["returnUrl"] = returnUrl }, "/account/sign-in");
        if (start.StatusCode != HttpStatusCode.Redirect) return (start, null);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var atProvider = await browser.GetAsync(start.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, atProvider.StatusCode);
        var callback = atProvider.Headers.Location!;
        Assert.Equal("/account/council/callback", callback.AbsolutePath);
        return (await portal.GetAsync(callback.PathAndQuery), callback);
    }

    private static async Task<string> Page(HttpResponseMessage answer) => WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());

    [Fact]
    public async Task A_member_of_staff_signs_in_with_the_councils_account_and_is_linked_by_their_verified_email_then_by_subject()
    {
        var (provider, app) = await Start();
        await using var _ = provider;
        await using var __ = app;
        provider.SignedInAs = Manager;
        var portal = app.NewClient();
        var signInPage = await portal.GetStringAsync("/account/sign-in");
        Assert.Contains("Sign in with your Northmoor Council account", signInPage);

        var (answer, _) = await SignInThroughTheProvider(portal);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/qa", answer.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync("/qa")).StatusCode);
        var login = await app.InDatabase(db => db.Set<IdentityUserLogin<Guid>>().SingleAsync());
        Assert.Equal("entra-7f3a", login.ProviderKey);
        Assert.Equal(provider.Issuer.ToString(), login.LoginProvider);

        // The email at the provider changes; the subject still names the same person.
        provider.SignedInAs = Manager with { Email = "pat.manager@northmoor.example" };
        var again = app.NewClient();
        var (second, _) = await SignInThroughTheProvider(again, "/staff");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var managerName = await app.InDatabase(db => db.Set<PortalUser>().Where(u => u.Email == "manager@northmoor.example").Select(u => u.DisplayName).SingleAsync());
        Assert.Contains(managerName, WebUtility.HtmlDecode(await again.GetStringAsync("/staff")), StringComparison.Ordinal);
        Assert.Equal(1, await app.InDatabase(db => db.Set<IdentityUserLogin<Guid>>().CountAsync()));
        var audit = await Page(await (await app.SignedInClient("admin@northmoor.example")).GetAsync("/admin/audit"));
        Assert.Contains("Council account linked", audit);
    }
}
