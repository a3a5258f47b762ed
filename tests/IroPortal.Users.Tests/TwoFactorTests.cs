using System.Net;
using System.Text.RegularExpressions;
using IroPortal.Users.Services;

namespace IroPortal.Users.Tests;

public sealed partial class TwoFactorTests
{
    [GeneratedRegex("data-testid=\"shared-key\">([a-z0-9 ]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCode();

    private static PortalApp TwoFactorRequired() => new(settings: new Dictionary<string, string?> { ["Security:RequireTwoFactor"] = "true" });

    private static string CodeAt(byte[] key, TestClock clock) => Totp.Code(key, Totp.TimeStep(clock.GetUtcNow()));

    /// <summary>Signs in with a password, is sent to set-up, scans (reads) the key, enters a code.</summary>
    private static async Task<(HttpClient Client, byte[] Key, List<string> RecoveryCodes)> Enrol(PortalApp app, string email)
    {
        var client = await app.SignedInClient(email);
        var setUp = await client.GetAsync("/staff");
        Assert.Equal("/account/two-factor/set-up", setUp.Headers.Location!.OriginalString);
        var page = await client.GetStringAsync("/account/two-factor/set-up");
        Assert.Contains("<svg", page); // the QR code
        var key = Totp.FromBase32(SharedKey().Match(page).Groups[1].Value);
        var done = await client.SubmitAsync("/account/two-factor/set-up", page, new() { ["Code"] = CodeAt(key, app.Clock) });
        var body = await done.Content.ReadAsStringAsync();
        Assert.Contains("Two-factor authentication is on", body);
        return (client, key, RecoveryCode().Matches(body).Select(m => m.Groups[1].Value).ToList());
    }

    [Fact]
    public async Task Staff_who_have_not_set_up_two_factor_reach_only_the_set_up_page_until_they_do()
    {
        await using var app = TwoFactorRequired();
        var (client, _, codes) = await Enrol(app, "manager@northmoor.example");
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task A_code_signs_in_once_only_and_the_next_code_works()
    {
        await using var app = TwoFactorRequired();
        var (_, key, _) = await Enrol(app, "iro5@northmoor.example");
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = CodeAt(key, app.Clock);

        var first = app.NewClient();
        var password = await first.PostFormAsync("/account/sign-in", new() { ["Email"] = "iro5@northmoor.example", ["Password"] = PortalApp.DemoPassword });
        Assert.Equal("/account/sign-in/two-factor", password.Headers.Location!.OriginalString);
        var accepted = await first.PostFormAsync("/account/sign-in/two-factor", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/staff")).StatusCode);

        var replay = await app.SignedInClient("iro5@northmoor.example");
        var refused = await replay.PostFormAsync("/account/sign-in/two-factor", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("has already been used", await refused.Content.ReadAsStringAsync());

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var next = await replay.PostFormAsync("/account/sign-in/two-factor", new() { ["Code"] = CodeAt(key, app.Clock) });
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        await using var app = TwoFactorRequired();
        var (_, _, codes) = await Enrol(app, "iro6@northmoor.example");
        var client = await app.SignedInClient("iro6@northmoor.example");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/sign-in/recovery-code", new() { ["RecoveryCode"] = codes[0] })).StatusCode);
        var again = await (await app.SignedInClient("iro6@northmoor.example")).PostFormAsync("/account/sign-in/recovery-code", new() { ["RecoveryCode"] = codes[0] });
        Assert.Contains("has already been used", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_administrator_resets_a_users_two_factor_so_they_set_it_up_again()
    {
        await using var app = TwoFactorRequired();
        var (iro, _, _) = await Enrol(app, "iro7@northmoor.example");
        var (admin, _, _) = await Enrol(app, "admin@northmoor.example");
        var id = await SignInTests.UserId(app, "iro7@northmoor.example");
        await admin.PostFormAsync($"/admin/users/{id}/reset-two-factor", new(), formPage: $"/admin/users/{id}");
        Assert.Contains("/account/sign-in?ReturnUrl=", (await iro.GetAsync("/staff")).Headers.Location!.OriginalString); // session ended
        var again = await app.SignedInClient("iro7@northmoor.example");
        Assert.Equal("/account/two-factor/set-up", (await again.GetAsync("/staff")).Headers.Location!.OriginalString);
    }
}
