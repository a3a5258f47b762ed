using System.Net;
using System.Text.RegularExpressions;
using IroPortal.Users.Models;
using IroPortal.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        Assert.Equal("/account/signed-out?returnUrl=%2Fstaff", (await iro.GetAsync("/staff")).Headers.Location!.OriginalString); // session ended
        var again = await app.SignedInClient("iro7@northmoor.example");
        Assert.Equal("/account/two-factor/set-up", (await again.GetAsync("/staff")).Headers.Location!.OriginalString);
    }

    private static Task<List<IdentityUserToken<Guid>>> Secrets(PortalApp app, string email) =>
        app.InDatabase(async db =>
        {
            var id = await db.Set<PortalUser>().Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            return await db.Set<IdentityUserToken<Guid>>().Where(t => t.UserId == id).ToListAsync();
        });

    [Fact]
    public async Task The_authenticator_key_is_stored_encrypted_and_recovery_codes_only_as_hashes()
    {
        await using var app = TwoFactorRequired();
        var (_, key, codes) = await Enrol(app, "iro1@northmoor.example");
        var stored = string.Join("\n", (await Secrets(app, "iro1@northmoor.example")).Select(t => t.Value));
        Assert.DoesNotContain(Totp.ToBase32(key), stored, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(10, codes.Count);
        foreach (var code in codes)
        {
            Assert.DoesNotContain(code, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(code.Replace("-", ""), stored, StringComparison.OrdinalIgnoreCase);
        }
        // Typed in lower case without its dash, a code still works, once.
        var client = await app.SignedInClient("iro1@northmoor.example");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/sign-in/recovery-code", new() { ["RecoveryCode"] = codes[3].Replace("-", "").ToLowerInvariant() })).StatusCode);
        var account = await client.GetStringAsync("/account");
        Assert.Contains("9 recovery codes left", account);
    }

    [Fact]
    public async Task Secrets_stored_in_plain_text_before_are_encrypted_and_hashed_at_start_up_and_keep_working()
    {
        await using var app = TwoFactorRequired();
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(20);
        await app.InDatabase(async db =>
        {
            var user = await db.Set<PortalUser>().SingleAsync(u => u.Email == "iro2@northmoor.example");
            user.TwoFactorEnabled = true;
            db.Set<IdentityUserToken<Guid>>().Add(new() { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = Totp.ToBase32(key) });
            db.Set<IdentityUserToken<Guid>>().Add(new() { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "RecoveryCodes", Value = "AAAAA-11111;BBBBB-22222;CCCCC-33333" });
            return await db.SaveChangesAsync();
        });
        using (var scope = app.Services.CreateScope())
            foreach (var seeder in scope.ServiceProvider.GetServices<IroPortal.Data.Seeding.IPortalSeeder>().Where(s => s.GetType().Name == "AccountSecretsUpgrade"))
                await seeder.SeedAsync(new(false, scope.ServiceProvider, TextWriter.Null), CancellationToken.None);

        var stored = string.Join("\n", (await Secrets(app, "iro2@northmoor.example")).Select(t => t.Value));
        Assert.DoesNotContain(Totp.ToBase32(key), stored);
        Assert.DoesNotContain("BBBBB", stored);

        var withCode = await app.SignedInClient("iro2@northmoor.example");
        Assert.Equal(HttpStatusCode.Redirect, (await withCode.PostFormAsync("/account/sign-in/two-factor", new() { ["Code"] = CodeAt(key, app.Clock) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await withCode.GetAsync("/staff")).StatusCode);
        var withRecovery = await app.SignedInClient("iro2@northmoor.example");
        Assert.Equal(HttpStatusCode.Redirect, (await withRecovery.PostFormAsync("/account/sign-in/recovery-code", new() { ["RecoveryCode"] = "BBBBB-22222" })).StatusCode);
        var again = await (await app.SignedInClient("iro2@northmoor.example")).PostFormAsync("/account/sign-in/recovery-code", new() { ["RecoveryCode"] = "BBBBB-22222" });
        Assert.Contains("has already been used", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task New_recovery_codes_need_the_password_and_a_current_code_after_5_minutes_and_replace_the_old_ones()
    {
        await using var app = TwoFactorRequired();
        var (client, key, oldCodes) = await Enrol(app, "iro3@northmoor.example");
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        var asked = await client.GetAsync("/account/two-factor/recovery-codes");
        Assert.Equal("/account/confirm?returnUrl=%2Faccount%2Ftwo-factor%2Frecovery-codes", asked.Headers.Location?.OriginalString);
        var confirmPage = asked.Headers.Location!.OriginalString;
        var passwordOnly = await client.PostFormAsync("/account/confirm", new() { ["Password"] = PortalApp.DemoPassword, ["ReturnUrl"] = "/account/two-factor/recovery-codes" }, formPage: confirmPage);
        Assert.Contains("Enter the 6-digit code from your authenticator app", await passwordOnly.Content.ReadAsStringAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(31)); // a fresh code: the one used at set-up cannot be used again
        var confirmed = await client.PostFormAsync("/account/confirm", new() { ["Password"] = PortalApp.DemoPassword, ["Code"] = CodeAt(key, app.Clock), ["ReturnUrl"] = "/account/two-factor/recovery-codes" }, formPage: confirmPage);
        Assert.Equal("/account/two-factor/recovery-codes", confirmed.Headers.Location?.OriginalString);
        var made = await client.PostFormAsync("/account/two-factor/recovery-codes", new(), formPage: "/account/two-factor/recovery-codes");
        var body = await made.Content.ReadAsStringAsync();
        Assert.Contains("Your new recovery codes", body);
        var newCodes = RecoveryCode().Matches(body).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));
        var old = await (await app.SignedInClient("iro3@northmoor.example")).PostFormAsync("/account/sign-in/recovery-code", new() { ["RecoveryCode"] = oldCodes[0] });
        Assert.Contains("has already been used", await old.Content.ReadAsStringAsync());
    }
}
