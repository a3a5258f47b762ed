using IroPortal.Users.Services;
using Microsoft.Playwright;

namespace IroPortal.Browser.Tests;

public sealed class SignInAndAccessibilityTests
{
    [Fact]
    public async Task A_manager_sets_up_two_factor_signs_in_with_a_code_and_reaches_the_staff_home()
    {
        await using var session = await BrowserSession.StartAsync(new() { ["Security:RequireTwoFactor"] = "true" });
        var page = await session.NewPageAsync();

        await page.GotoAsync("/account/sign-in");
        await BrowserSession.AssertAccessibleAsync(page);
        await page.GetByLabel("Email address").FillAsync("manager@northmoor.example");
        await page.GetByLabel("Password").FillAsync(PortalApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // First sign-in: two-factor must be set up before anything else.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up two-factor authentication" })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(page);
        await page.GetByText("I cannot scan the QR code").ClickAsync();
        var key = Totp.FromBase32(await page.GetByTestId("shared-key").InnerTextAsync());
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key, Totp.TimeStep(session.App.Clock.GetUtcNow())));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor authentication is on" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue to the portal" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Helen Carter" })).ToBeVisibleAsync();

        // Sign out, then in again with the password and the next code from the app.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You have been signed out" })).ToBeVisibleAsync();
        await BrowserSession.SignInAsync(page, "manager@northmoor.example");
        await Assertions.Expect(page.GetByLabel("Enter the code from your authenticator app")).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(page);
        session.App.Clock.Advance(TimeSpan.FromSeconds(30));
        await page.GetByLabel("Enter the code from your authenticator app").FillAsync(Totp.Code(key, Totp.TimeStep(session.App.Clock.GetUtcNow())));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Helen Carter" })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(page);
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task The_public_home_page_meets_wcag_2_2_aa_and_shows_the_council_not_gov_uk()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Independent Reviewing Officer service" })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(page);
        Assert.DoesNotContain("GOV.UK", await page.ContentAsync());
        var font = await page.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily");
        Assert.DoesNotContain("GDS Transport", font);
        Assert.Empty(await session.Context.CookiesAsync()); // public pages set no cookies
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task Sign_in_errors_are_summarised_linked_to_their_fields_and_accessible()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter your email address");
        await Assertions.Expect(summary).ToContainTextAsync("Enter your password");
        await BrowserSession.AssertAccessibleAsync(page);
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter your email address" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Email address")).ToBeFocusedAsync();
        session.AssertNoPageProblems();
    }

}

public sealed class AccessibilityCheckTests
{
    /// <summary>The accessibility check itself must be able to fail, or every pass above means nothing.</summary>
    [Fact]
    public async Task Where_you_are_signed_in_and_confirm_it_is_you_fit_a_phone_and_meet_wcag_2_2_aa()
    {
        await using var session = await BrowserSession.StartAsync(viewportWidth: 320);
        var other = await session.NewPageAsync();
        await BrowserSession.SignInAsync(other, "iro1@northmoor.example");
        var page = await (await session.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 900 } })).NewPageAsync();
        await BrowserSession.SignInAsync(page, "iro1@northmoor.example");
        await page.GotoAsync("/account/sessions");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Where you are signed in" })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the sessions page scrolls sideways on a 320px screen");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^End the session on") }).ClickAsync();
        await other.GotoAsync("/staff");
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = "You have been signed out" })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(other);

        session.App.Clock.Advance(TimeSpan.FromMinutes(6));
        await page.GotoAsync("/account/change-password");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm it is you" })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the confirm page scrolls sideways on a 320px screen");
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task The_axe_check_reports_a_real_violation()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("() => { const input = document.createElement('input'); input.type = 'text'; document.querySelector('main').append(input); }");
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => BrowserSession.AssertAccessibleAsync(page));
        Assert.Contains("label", failure.Message);
    }
}
