using System.Net;
using IroPortal.Data;
using IroPortal.Users.Models;
using IroPortal.Users.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Users.Tests;

public sealed class SignInTests
{
    private static Task<HttpResponseMessage> SignIn(HttpClient client, string email, string password) =>
        client.PostFormAsync("/account/sign-in", new() { ["Email"] = email, ["Password"] = password });

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_wrong_password_is_refused_in_words_that_do_not_reveal_whether_the_account_exists(DatabaseProvider provider)
    {
        await using var app = new PortalApp(provider);
        var wrongPassword = await (await SignIn(app.NewClient(), "iro1@northmoor.example", "not-the-password-at-all")).Content.ReadAsStringAsync();
        var noSuchUser = await (await SignIn(app.NewClient(), "nobody@northmoor.example", "not-the-password-at-all")).Content.ReadAsStringAsync();
        const string message = "The email address or password is not right, or the account is disabled";
        Assert.Contains(message, wrongPassword);
        Assert.Contains(message, noSuchUser);
        Assert.Contains("govuk-error-summary", wrongPassword);
        Assert.Contains("href=\"#Email\"", wrongPassword);
    }

    [Fact]
    public async Task Five_failures_pause_that_address_only_answering_as_a_wrong_password_and_the_audit_trail_says_so()
    {
        await using var app = new PortalApp();
        for (var i = 0; i < 5; i++) await SignIn(app.NewClient(), "iro2@northmoor.example", "wrong-password-attempt");
        // From the address that failed, even the right password is refused, in the words of a wrong one.
        var response = await SignIn(app.NewClient(), "iro2@northmoor.example", PortalApp.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("The email address or password is not right", page);
        Assert.DoesNotContain("locked", page, StringComparison.OrdinalIgnoreCase);

        // Anywhere else the person signs in as usual: a stranger with their email cannot lock them out.
        Assert.True(await app.InScope<SignInThrottle, bool>(t => t.IsPausedAsync("iro2@northmoor.example", "")));
        Assert.False(await app.InScope<SignInThrottle, bool>(t => t.IsPausedAsync("iro2@northmoor.example", "192.0.2.10")));
        Assert.False(await app.InScope<SignInThrottle, bool>(t => t.IsPausedAsync("iro3@northmoor.example", "")));

        var admin = await app.SignedInClient("admin@northmoor.example");
        var audit = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit?type=Locked%20out"));
        Assert.Contains("iro2@northmoor.example", audit);
        var users = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/users"));
        Assert.Contains("Locked out", users);
        var id = await UserId(app, "iro2@northmoor.example");
        await admin.PostFormAsync($"/admin/users/{id}/enable", new(), formPage: $"/admin/users/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(app.NewClient(), "iro2@northmoor.example", PortalApp.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task The_pause_ends_after_15_minutes()
    {
        await using var app = new PortalApp();
        for (var i = 0; i < 5; i++) await SignIn(app.NewClient(), "iro4@northmoor.example", "wrong-password-attempt");
        Assert.Equal(HttpStatusCode.OK, (await SignIn(app.NewClient(), "iro4@northmoor.example", PortalApp.DemoPassword)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(app.NewClient(), "iro4@northmoor.example", PortalApp.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_open_session_at_their_next_request_and_stops_them_signing_in()
    {
        await using var app = new PortalApp();
        var iro = await app.SignedInClient("iro3@northmoor.example");
        Assert.Equal(HttpStatusCode.OK, (await iro.GetAsync("/staff")).StatusCode);

        var admin = await app.SignedInClient("admin@northmoor.example");
        var id = await UserId(app, "iro3@northmoor.example");
        var disabled = await admin.PostFormAsync($"/admin/users/{id}/disable", new(), formPage: $"/admin/users/{id}");
        Assert.True(disabled.StatusCode == HttpStatusCode.Redirect, await disabled.Content.ReadAsStringAsync());

        var next = await iro.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/account/signed-out?returnUrl=%2Fstaff", next.Headers.Location!.OriginalString);
        Assert.Contains("or the account is disabled", await (await SignIn(app.NewClient(), "iro3@northmoor.example", PortalApp.DemoPassword)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Passwords_are_hashed_with_pbkdf2_at_210000_iterations_or_more()
    {
        await using var app = new PortalApp();
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<PortalUser>().FirstAsync();
        var hash = Convert.FromBase64String(user.PasswordHash!);
        Assert.Equal(0x01, hash[0]); // identity's V3 format: PBKDF2
        Assert.Equal((uint)KeyDerivationPrf.HMACSHA512, ReadBigEndian(hash, 1));
        Assert.True(ReadBigEndian(hash, 5) >= 210_000, $"{ReadBigEndian(hash, 5)} iterations");
        Assert.Equal(PasswordVerificationResult.Success,
            scope.ServiceProvider.GetRequiredService<IPasswordHasher<PortalUser>>().VerifyHashedPassword(user, user.PasswordHash!, PortalApp.DemoPassword));
    }

    private enum KeyDerivationPrf : uint { HMACSHA1, HMACSHA256, HMACSHA512 }

    private static uint ReadBigEndian(byte[] bytes, int offset) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset));

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_rate_limited_with_a_page_that_says_to_wait()
    {
        await using var app = new PortalApp(settings: new Dictionary<string, string?> { ["Security:SignInAttemptsPerMinute"] = "3" });
        var client = app.NewClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await SignIn(client, "iro4@northmoor.example", "wrong-password-attempt")).StatusCode);
        var limited = await SignIn(client, "iro4@northmoor.example", "wrong-password-attempt");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Wait a minute, then try again", await limited.Content.ReadAsStringAsync());
        // Reading the form is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
    }

    internal static async Task<Guid> UserId(PortalApp app, string email)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email))!.Id;
    }
}

/// <summary>Run alone, after the other tests, so that their load does not fall on some attempts and not others.</summary>
[CollectionDefinition(nameof(SignInTimingTests), DisableParallelization = true)]
public sealed class TimingCollection;

[Collection(nameof(SignInTimingTests))]
public sealed class SignInTimingTests
{
    /// <summary>Ratio of medians in one run, not a timed threshold: an unknown email, a disabled account and a paused
    /// one must each cost about as much as a wrong password (each checks one 210,000-iteration hash), or the time
    /// would reveal who has an account and in what state.</summary>
    [Fact]
    public async Task Unknown_disabled_and_paused_accounts_answer_in_the_time_a_wrong_password_takes()
    {
        await using var app = new PortalApp();
        var client = app.NewClient();
        var page = await client.GetStringAsync("/account/sign-in");
        await app.InDatabase(async db =>
        {
            await db.Set<PortalUser>().Where(u => u.Email == "board2@northmoor.example").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true));
            return 0;
        });
        async Task<double> Attempt(string email, int i)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var answer = await client.SubmitAsync("/account/sign-in", page, new() { ["Email"] = email, ["Password"] = "not-the-password-" + i });
            var elapsed = watch.Elapsed.TotalMilliseconds;
            Assert.Contains("The email address or password is not right", WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()));
            return elapsed;
        }
        for (var i = 0; i < 5; i++) await Attempt("board1@northmoor.example", i); // five failures pause board1 from here
        await Attempt("warm-up@northmoor.example", 0);
        // Round by round, so that whatever else the machine is doing weighs on every case alike.
        var (paused, unknown, disabled, wrong) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var i = 1; i <= 7; i++)
        {
            paused.Add(await Attempt("board1@northmoor.example", i));
            unknown.Add(await Attempt($"nobody-{i}@northmoor.example", i));
            disabled.Add(await Attempt("board2@northmoor.example", i));
            // One attempt per account, so none of these is paused.
            wrong.Add(await Attempt(i == 7 ? "manager@northmoor.example" : $"iro{i}@northmoor.example", i));
        }
        static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
        var (p, u, d, w) = (Median(paused), Median(unknown), Median(disabled), Median(wrong));
        var figures = $"wrong password {w:0} ms; unknown email {u:0} ms ({u / w:0.00}); disabled {d:0} ms ({d / w:0.00}); paused {p:0} ms ({p / w:0.00})";
        Console.WriteLine(figures);
        foreach (var ratio in new[] { u / w, d / w, p / w })
            Assert.True(ratio is > 0.67 and < 1.5, figures);
    }
}
