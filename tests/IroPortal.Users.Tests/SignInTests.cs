using System.Net;
using IroPortal.Data;
using IroPortal.Users.Models;
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
    public async Task Five_failures_lock_the_account_even_against_the_right_password_and_the_audit_trail_says_so()
    {
        await using var app = new PortalApp();
        for (var i = 0; i < 5; i++) await SignIn(app.NewClient(), "iro2@northmoor.example", "wrong-password-attempt");
        var response = await SignIn(app.NewClient(), "iro2@northmoor.example", PortalApp.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your account is locked", await response.Content.ReadAsStringAsync());

        var admin = await app.SignedInClient("admin@northmoor.example");
        var audit = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit?type=Locked%20out"));
        Assert.Contains("iro2@northmoor.example", audit);
        var users = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/users"));
        Assert.Contains("Locked out", users);
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
        Assert.StartsWith("/account/sign-in", next.Headers.Location!.PathAndQuery);
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

public sealed class SignInTimingTests
{
    /// <summary>Ratio of medians in one run, not a timed threshold: an unknown email must cost about as much
    /// as a wrong password (both check a 210,000-iteration hash), or the time would reveal who has an account.</summary>
    [Fact]
    public async Task An_unknown_email_takes_about_as_long_as_a_wrong_password()
    {
        await using var app = new PortalApp();
        var client = app.NewClient();
        var page = await client.GetStringAsync("/account/sign-in");
        // One attempt per account, so that none is locked out (a locked account answers without checking).
        async Task<double> Median(Func<int, string> email)
        {
            var times = new List<double>();
            for (var i = 1; i <= 7; i++)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await client.SubmitAsync("/account/sign-in", page, new() { ["Email"] = email(i), ["Password"] = "not-the-password-" + i });
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            return times.Order().ElementAt(3);
        }
        await Median(i => $"warm-up-{i}@northmoor.example");
        var unknown = await Median(i => $"nobody-{i}@northmoor.example");
        var wrong = await Median(i => i == 7 ? "board1@northmoor.example" : $"iro{i}@northmoor.example");
        Assert.True(unknown > wrong * 0.5, $"unknown email {unknown:0} ms, wrong password {wrong:0} ms");
    }
}
