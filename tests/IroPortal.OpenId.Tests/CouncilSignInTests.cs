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

    /// <summary>The council's provider and the portal registered with it, stopped together.</summary>
    private sealed class Council(FakeCouncilProvider provider, PortalApp app) : IAsyncDisposable
    {
        public void Deconstruct(out FakeCouncilProvider p, out PortalApp a) => (p, a) = (provider, app);

        public async ValueTask DisposeAsync()
        {
            await app.DisposeAsync();
            await provider.DisposeAsync();
        }
    }

    private static async Task<Council> Start(Dictionary<string, string?>? settings = null, string? claimedIssuer = null,
        IroPortal.Data.DatabaseProvider database = IroPortal.Data.DatabaseProvider.Sqlite)
    {
        var provider = await FakeCouncilProvider.StartAsync(claimedIssuer);
        await provider.RegisterPortalAsync("https://localhost");
        return new Council(provider, new PortalApp(database, provider.PortalSettings(settings)));
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

    [Theory]
    [InlineData(IroPortal.Data.DatabaseProvider.Sqlite)]
    [InlineData(IroPortal.Data.DatabaseProvider.PostgreSQL)]
    public async Task A_member_of_staff_signs_in_with_the_councils_account_and_is_linked_by_their_verified_email_then_by_subject(IroPortal.Data.DatabaseProvider database)
    {
        await using var council = await Start(database: database);
        var (provider, app) = council;
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

    [Fact]
    public async Task Strangers_disabled_users_and_unverified_emails_are_refused_in_words_that_reveal_no_account()
    {
        await using var council = await Start();
        var (provider, app) = council;
        var usersBefore = await app.InDatabase(db => db.Set<PortalUser>().CountAsync());

        provider.SignedInAs = new Person("stranger-1", "someone@elsewhere.example", Name: "A Stranger");
        var (stranger, _) = await SignInThroughTheProvider(app.NewClient());
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        var refusal = await Page(stranger);
        Assert.Contains("Your council account is not set up for this portal", refusal);
        Assert.Equal(usersBefore, await app.InDatabase(db => db.Set<PortalUser>().CountAsync()));

        // The right email, but the provider does not vouch for it: not linked.
        provider.SignedInAs = new Person("entra-unverified", "iro2@northmoor.example", EmailVerified: false);
        var (unverified, _) = await SignInThroughTheProvider(app.NewClient());
        Assert.Equal(HttpStatusCode.Forbidden, unverified.StatusCode);
        Assert.Contains("Your council account is not set up for this portal", await Page(unverified));
        Assert.Equal(0, await app.InDatabase(db => db.Set<IdentityUserLogin<Guid>>().CountAsync()));

        // Disabled in the portal: refused whatever the provider says, linked or not.
        await app.InDatabase(db => db.Set<PortalUser>().Where(u => u.Email == "iro3@northmoor.example").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true)));
        provider.SignedInAs = new Person("entra-iro3", "iro3@northmoor.example", Amr: ["pwd", "mfa"]);
        var portal = app.NewClient();
        var (disabled, _) = await SignInThroughTheProvider(portal);
        Assert.Equal(HttpStatusCode.Forbidden, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.GetAsync("/staff")).StatusCode); // still not signed in

        // Once linked, another account at the provider with the same email does not take the portal account over.
        provider.SignedInAs = Manager;
        Assert.Equal(HttpStatusCode.Redirect, (await SignInThroughTheProvider(app.NewClient())).Answer.StatusCode);
        provider.SignedInAs = Manager with { Subject = "entra-someone-else" };
        var (takeover, _) = await SignInThroughTheProvider(app.NewClient());
        Assert.Equal(HttpStatusCode.Forbidden, takeover.StatusCode);

        var audit = await Page(await (await app.SignedInClient("admin@northmoor.example")).GetAsync("/admin/audit"));
        Assert.Contains("linked to a different one", audit);
        Assert.Contains("no portal user for this account", audit);
        Assert.Contains("did not confirm the email iro2@northmoor.example", audit);
        Assert.Contains("the account is disabled", audit);
    }

    [Fact]
    public async Task A_group_the_administrator_mapped_gives_a_new_person_an_account_with_its_role()
    {
        await using var council = await Start();
        var (provider, app) = council;
        var admin = await app.SignedInClient("admin@northmoor.example");
        var added = await admin.PostFormAsync("/admin/sign-in/groups", new() { ["Form.Group"] = "5b1e-iro-team", ["Form.Role"] = "IRO" }, "/admin/sign-in");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var empty = await admin.PostFormAsync("/admin/sign-in/groups", new() { ["Form.Group"] = "", ["Form.Role"] = "IRO" }, "/admin/sign-in");
        Assert.Contains("Enter the group as the council", await Page(empty));

        provider.SignedInAs = new Person("entra-new-iro", "new.iro@northmoor.example", Name: "Robin Newcombe", Groups: ["some-other-group", "5b1e-iro-team"], Amr: ["pwd", "mfa"]);
        var portal = app.NewClient();
        var (answer, _) = await SignInThroughTheProvider(portal, "/qa/mine");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync("/qa/mine")).StatusCode);
        var user = await app.InDatabase(db => db.Set<PortalUser>().SingleAsync(u => u.Email == "new.iro@northmoor.example"));
        Assert.Equal("Robin Newcombe", user.DisplayName);
        var roles = await app.InScope<UserManager<PortalUser>, IList<string>>(async users => await users.GetRolesAsync((await users.FindByIdAsync(user.Id.ToString()))!));
        Assert.Equal(["IRO"], roles);
        // An IRO may not reach the manager's pages: the group gave exactly its role.
        Assert.Equal(HttpStatusCode.Forbidden, (await portal.GetAsync("/admin/sign-in")).StatusCode);
    }

    [Fact]
    public async Task A_replayed_callback_a_token_for_another_audience_and_a_cancelled_sign_in_are_refused()
    {
        await using var council = await Start();
        var (provider, app) = council;
        provider.SignedInAs = Manager;
        var portal = app.NewClient();
        var (first, callback) = await SignInThroughTheProvider(portal);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        // The same code and state again, from another browser (as an attacker who saw the address would).
        var attacker = app.NewClient();
        var replayed = await attacker.GetAsync(callback!.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Contains("did not complete", await Page(replayed));
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.GetAsync("/staff")).StatusCode);
        // And from the same browser: the state has been used.
        Assert.Equal(HttpStatusCode.BadRequest, (await portal.GetAsync(callback.PathAndQuery)).StatusCode);

        provider.AudienceOverride = "another-client";
        var other = app.NewClient();
        var (wrongAudience, _) = await SignInThroughTheProvider(other);
        Assert.Equal(HttpStatusCode.BadRequest, wrongAudience.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/staff")).StatusCode);

        provider.AudienceOverride = null;
        provider.SignedInAs = null;
        var (cancelled, _) = await SignInThroughTheProvider(app.NewClient());
        Assert.Equal(HttpStatusCode.BadRequest, cancelled.StatusCode);
        Assert.Contains("was cancelled", await Page(cancelled));
    }

    [Fact]
    public async Task A_provider_claiming_another_issuer_is_refused()
    {
        await using var council = await Start(claimedIssuer: "https://login.impostor.example/");
        var (provider, app) = council;
        provider.SignedInAs = Manager;
        var portal = app.NewClient();
        var (answer, callback) = await SignInThroughTheProvider(portal);
        Assert.Null(callback);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task When_the_provider_is_down_the_page_says_so_plainly_and_password_sign_in_still_works()
    {
        await using var council = await Start();
        var (provider, app) = council;
        await provider.StopAsync();
        var (answer, _) = await SignInThroughTheProvider(app.NewClient());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Contains("not answering", await Page(answer));
        Assert.Contains("portal password", await Page(answer));
        var manager = await app.SignedInClient("manager@northmoor.example");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/qa")).StatusCode);
    }

    [Fact]
    public async Task Roles_the_administrator_chose_must_use_the_councils_account_and_administrators_keep_their_password()
    {
        await using var council = await Start();
        var (provider, app) = council;
        var admin = await app.SignedInClient("admin@northmoor.example");
        var saved = await admin.PostFormAsync("/admin/sign-in/policy",
            [new("requiredRoles", "IRO"), new("requiredRoles", "Administrator"), new("signOutOfProvider", "false")], "/admin/sign-in");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var settings = await Page(await admin.GetAsync("/admin/sign-in"));
        Assert.DoesNotContain(FakeCouncilProvider.ClientSecret, settings);
        Assert.Contains("https://localhost/account/council/callback", settings);

        var refused = await app.NewClient().PostFormAsync("/account/sign-in", new() { ["Email"] = "iro1@northmoor.example", ["Password"] = PortalApp.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Your role signs in with your council account", await Page(refused));
        // The manager's role is not required to, and administrators never are.
        await app.SignedInClient("manager@northmoor.example");
        await app.SignedInClient("admin@northmoor.example");

        provider.SignedInAs = new Person("entra-iro1", "iro1@northmoor.example", Amr: ["pwd", "mfa"]);
        var iro = app.NewClient();
        var (viaCouncil, _) = await SignInThroughTheProvider(iro, "/qa/mine");
        Assert.Equal(HttpStatusCode.Redirect, viaCouncil.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await iro.GetAsync("/qa/mine")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_providers_session_too_when_the_administrator_chose_that()
    {
        await using var council = await Start();
        var (provider, app) = council;
        var admin = await app.SignedInClient("admin@northmoor.example");
        await admin.PostFormAsync("/admin/sign-in/policy", [new("signOutOfProvider", "true")], "/admin/sign-in");

        provider.SignedInAs = Manager;
        var portal = app.NewClient();
        await SignInThroughTheProvider(portal);
        var signedOut = await portal.PostFormAsync("/account/sign-out", new(), "/staff");
        Assert.Equal("/account/council/sign-out", signedOut.Headers.Location!.OriginalString);
        var toProvider = await portal.GetAsync("/account/council/sign-out");
        Assert.Equal(provider.Issuer.Authority, toProvider.Headers.Location!.Authority);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await browser.GetAsync(toProvider.Headers.Location);
        Assert.Equal(1, provider.SignOuts);
        Assert.Equal("/account/council/signed-out", back.Headers.Location!.AbsolutePath);
        var landed = await portal.GetAsync(back.Headers.Location.PathAndQuery);
        Assert.Equal("/account/signed-out", landed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.GetAsync("/staff")).StatusCode);

        // A password session signs out of the portal only.
        var manager = await app.SignedInClient("manager@northmoor.example");
        var passwordOut = await manager.PostFormAsync("/account/sign-out", new(), "/staff");
        Assert.Equal("/account/signed-out", passwordOut.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_providers_multi_factor_stands_in_for_the_portals_code_and_without_it_the_portal_asks_for_its_own()
    {
        await using var council = await Start(new() { ["Security:RequireTwoFactor"] = "true" });
        var (provider, app) = council;
        provider.SignedInAs = Manager;
        var withMfa = app.NewClient();
        await SignInThroughTheProvider(withMfa);
        Assert.Equal(HttpStatusCode.OK, (await withMfa.GetAsync("/qa")).StatusCode);

        provider.SignedInAs = Manager with { Amr = ["pwd"] };
        var passwordOnly = app.NewClient();
        await SignInThroughTheProvider(passwordOnly);
        var qa = await passwordOnly.GetAsync("/qa");
        Assert.Equal(HttpStatusCode.Redirect, qa.StatusCode);
        Assert.Equal("/account/two-factor/set-up", qa.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("Microsoft", "common", "Tenant must be the council's own Entra ID tenant")]
    [InlineData("OpenIdConnect", null, "OpenId:SignIn:Issuer must be the provider's issuer address")]
    public void Settings_that_cannot_work_stop_start_up_with_a_message_naming_the_setting(string kind, string? tenant, string message)
    {
        using var app = new PortalApp(settings: new Dictionary<string, string?>
        {
            ["OpenId:SignIn:Provider"] = kind, ["OpenId:SignIn:Tenant"] = tenant, ["OpenId:SignIn:Issuer"] = "not a url",
            ["OpenId:SignIn:ClientId"] = "portal", ["OpenId:SignIn:ClientSecret"] = "secret",
        });
        var failure = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains(message, failure.ToString());
    }

    [Fact]
    public async Task With_Entra_ID_configured_the_sign_in_page_offers_it_and_sends_the_browser_to_the_councils_tenant_only()
    {
        await using var app = new PortalApp(settings: new Dictionary<string, string?>
        {
            ["OpenId:SignIn:Provider"] = "Microsoft", ["OpenId:SignIn:Tenant"] = "northmoor.example", ["OpenId:SignIn:ClientId"] = "00000000-1111-2222-3333-444444444444",
            ["OpenId:SignIn:ClientSecret"] = "secret", ["OpenId:SignIn:DisplayName"] = "your Northmoor Council Microsoft account",
        });
        var portal = app.NewClient();
        var page = await portal.GetAsync("/account/sign-in");
        Assert.Contains("Sign in with your Northmoor Council Microsoft account", await Page(page));
        Assert.Contains("form-action 'self' https://login.microsoftonline.com", page.Headers.GetValues("Content-Security-Policy").Single());
        // This machine cannot reach Microsoft: the person is told so plainly, and the password still works.
        var (answer, _) = await SignInThroughTheProvider(portal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal("https://login.microsoftonline.com/northmoor.example/v2.0",
            app.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<IroPortal.OpenId.Services.CouncilSignInOptions>)) is Microsoft.Extensions.Options.IOptions<IroPortal.OpenId.Services.CouncilSignInOptions> o ? o.Value.IssuerKey : null);
        await app.SignedInClient("manager@northmoor.example");
    }

    [Fact]
    public async Task The_portal_can_prove_itself_to_the_provider_with_a_certificate_instead_of_a_secret()
    {
        var (path, certificate) = TestCertificates.ClientCertificate();
        await using var provider = await FakeCouncilProvider.StartAsync();
        await provider.RegisterPortalAsync(certificate, "https://localhost");
        await using var app = new PortalApp(settings: provider.PortalSettings(new() { ["OpenId:SignIn:ClientSecret"] = "", ["OpenId:SignIn:ClientCertificatePath"] = path }));
        provider.SignedInAs = Manager;
        var portal = app.NewClient();
        var (answer, _) = await SignInThroughTheProvider(portal);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync("/qa")).StatusCode);
    }
}
