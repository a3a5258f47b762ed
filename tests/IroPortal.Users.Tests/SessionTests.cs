using System.Net;
using System.Text.RegularExpressions;
using IroPortal.Users.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Users.Tests;

/// <summary>Sessions kept on the server: signing out, an administrator's changes, a new password, the idle timeout
/// and the absolute lifetime each end a session, even for a copy of its cookie; people see and end their own.</summary>
public sealed partial class SessionTests
{
    private static readonly Uri Site = new("https://localhost");

    [GeneratedRegex("name=\"id\" value=\"([0-9A-F]+)\"")]
    private static partial Regex SessionIds();

    private static async Task<(HttpClient Client, CookieContainer Cookies)> SignedIn(PortalApp app, string email)
    {
        var (client, cookies) = app.NewClientWithCookies();
        var response = await client.PostFormAsync("/account/sign-in", new() { ["Email"] = email, ["Password"] = PortalApp.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, cookies);
    }

    /// <summary>Another browser holding a copy of every cookie the first one has.</summary>
    private static HttpClient Copy(PortalApp app, CookieContainer cookies)
    {
        var copy = new CookieContainer();
        copy.Add(cookies.GetCookies(Site));
        return app.NewClientWithCookies(copy).Client;
    }

    private static void AssertSignedOut(HttpResponseMessage response, string returnUrl)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/signed-out?returnUrl={Uri.EscapeDataString(returnUrl)}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_nightly_sweep_clears_ended_sessions_and_keeps_live_ones()
    {
        await using var app = new PortalApp();
        var (stale, _) = await SignedIn(app, "iro2@northmoor.example");
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var (live, _) = await SignedIn(app, "iro3@northmoor.example");
        var said = await app.Services.GetRequiredService<IroPortal.Notifications.Services.JobRunner>().RunAsync(Services.EndedSignInsSweep.Key, CancellationToken.None);
        Assert.StartsWith("1 ended sessions", said);
        var left = await app.InDatabase(db => db.Set<UserSession>().AsNoTracking().ToListAsync());
        Assert.Single(left);
        Assert.Equal(HttpStatusCode.OK, (await live.GetAsync("/staff")).StatusCode);
        AssertSignedOut(await stale.GetAsync("/staff"), "/staff");
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_opens_nothing_afterwards()
    {
        await using var app = new PortalApp();
        var (iro, cookies) = await SignedIn(app, "iro1@northmoor.example");
        var thief = Copy(app, cookies);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/staff")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await iro.PostFormAsync("/account/sign-out", new(), formPage: "/staff")).StatusCode);
        AssertSignedOut(await thief.GetAsync("/staff?from=bookmark"), "/staff?from=bookmark");
        Assert.Equal(0, await app.InDatabase(db => db.Set<UserSession>().CountAsync()));

        var page = await (await thief.GetAsync("/account/signed-out?returnUrl=%2Fstaff%3Ffrom%3Dbookmark")).Content.ReadAsStringAsync();
        Assert.Contains("You have been signed out", page);
        Assert.Contains("href=\"/account/sign-in?returnUrl=%2Fstaff%3Ffrom%3Dbookmark\"", page);
    }

    [Fact]
    public async Task A_session_ends_after_30_minutes_unused_and_12_hours_after_sign_in_however_active()
    {
        await using var app = new PortalApp();
        var (idle, _) = await SignedIn(app, "iro2@northmoor.example");
        app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await idle.GetAsync("/staff")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        AssertSignedOut(await idle.GetAsync("/staff"), "/staff");

        var (busy, cookies) = await SignedIn(app, "iro3@northmoor.example");
        var copy = Copy(app, cookies);
        for (var step = 0; step < 35; step++) // 11 hours 40 minutes, never 30 minutes idle
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/staff")).StatusCode);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(25));
        AssertSignedOut(await busy.GetAsync("/staff"), "/staff");
        AssertSignedOut(await copy.GetAsync("/staff"), "/staff");
    }

    [Fact]
    public async Task A_person_sees_where_they_are_signed_in_and_ends_a_session_elsewhere_but_not_someone_elses()
    {
        await using var app = new PortalApp();
        var (laptop, _) = await SignedIn(app, "iro4@northmoor.example");
        var (phone, _) = await SignedIn(app, "iro4@northmoor.example");
        var (other, _) = await SignedIn(app, "iro5@northmoor.example");
        var page = await laptop.GetStringAsync("/account/sessions");
        Assert.Contains("(this device)", page);
        var ids = SessionIds().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Single(ids); // only the other device can be ended from here

        var othersPage = await other.GetStringAsync("/account/sessions");
        var othersId = SessionIds().Matches(othersPage).Select(m => m.Groups[1].Value).ToList();
        Assert.Empty(othersId);
        var iro5Session = await app.InDatabase(db => db.Set<UserSession>().Join(db.Set<PortalUser>(), s => s.UserId, u => u.Id, (s, u) => new { s.Id, u.Email }).Where(x => x.Email == "iro5@northmoor.example").Select(x => x.Id).SingleAsync());
        await laptop.PostFormAsync("/account/sessions/end", new() { ["id"] = iro5Session }, formPage: "/account/sessions");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/staff")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await laptop.PostFormAsync("/account/sessions/end", new() { ["id"] = ids[0] }, formPage: "/account/sessions")).StatusCode);
        AssertSignedOut(await phone.GetAsync("/staff"), "/staff");
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task A_new_password_ends_every_other_session_and_keeps_this_one()
    {
        await using var app = new PortalApp();
        var (here, _) = await SignedIn(app, "iro6@northmoor.example");
        var (elsewhere, _) = await SignedIn(app, "iro6@northmoor.example");
        var changed = await here.PostFormAsync("/account/change-password", new()
        {
            ["CurrentPassword"] = PortalApp.DemoPassword, ["NewPassword"] = "violet harbour pencil lantern", ["ConfirmPassword"] = "violet harbour pencil lantern",
        });
        Assert.Contains("Your password has changed", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/staff")).StatusCode);
        AssertSignedOut(await elsewhere.GetAsync("/staff"), "/staff");
    }

    [Fact]
    public async Task Changing_a_security_setting_more_than_5_minutes_after_signing_in_asks_for_the_password_again()
    {
        await using var app = new PortalApp();
        var (client, _) = await SignedIn(app, "iro7@northmoor.example");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/change-password")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        var asked = await client.GetAsync("/account/change-password");
        Assert.Equal("/account/confirm?returnUrl=%2Faccount%2Fchange-password", asked.Headers.Location?.OriginalString);
        // A post made without confirming changes nothing.
        var crafted = await client.CraftedPostAsync("/account/change-password", new()
        {
            ["CurrentPassword"] = PortalApp.DemoPassword, ["NewPassword"] = "violet harbour pencil lantern", ["ConfirmPassword"] = "violet harbour pencil lantern",
        }, fromPage: "/account");
        Assert.StartsWith("/account/confirm", crafted.Headers.Location?.OriginalString);
        var confirmPage = "/account/confirm?returnUrl=%2Faccount%2Fchange-password";
        var wrong = await client.PostFormAsync("/account/confirm", new() { ["Password"] = "not-my-password", ["ReturnUrl"] = "/account/change-password" }, formPage: confirmPage);
        Assert.Contains("Your password is not right", await wrong.Content.ReadAsStringAsync());
        var right = await client.PostFormAsync("/account/confirm", new() { ["Password"] = PortalApp.DemoPassword, ["ReturnUrl"] = "/account/change-password" }, formPage: confirmPage);
        Assert.Equal("/account/change-password", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/change-password")).StatusCode);
        // Still the old password: the crafted post changed nothing.
        await SignedIn(app, "iro7@northmoor.example");
    }

    [Fact]
    public async Task Over_HTTPS_the_cookies_carry_the_Host_prefix_are_secure_and_scoped_to_the_whole_site()
    {
        await using var app = new PortalApp();
        var client = app.NewClient();
        var form = await client.GetAsync("/account/sign-in");
        var page = await form.Content.ReadAsStringAsync();
        var signedIn = await client.SubmitAsync("/account/sign-in", page, new() { ["Email"] = "iro1@northmoor.example", ["Password"] = PortalApp.DemoPassword });
        var cookies = form.Headers.GetValues("Set-Cookie").Concat(signedIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("__Host-iroportal.auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-iroportal.antiforgery=", StringComparison.Ordinal));
        foreach (var cookie in cookies)
        {
            Assert.StartsWith("__Host-", cookie);
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; path=/", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        }
        // The cookie holds a key to the session, not the sign-in itself.
        var auth = cookies.Single(c => c.StartsWith("__Host-iroportal.auth=", StringComparison.Ordinal));
        Assert.True(auth.Split(';')[0].Length < 600, auth);
    }
}
