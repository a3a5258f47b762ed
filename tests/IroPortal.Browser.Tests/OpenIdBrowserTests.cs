using Microsoft.Playwright;

namespace IroPortal.Browser.Tests;

public sealed class OpenIdBrowserTests
{
    [Fact]
    public async Task A_manager_signs_in_with_the_councils_account_in_Chromium_and_the_administrators_pages_pass_axe()
    {
        await using var provider = await FakeCouncilProvider.StartAsync();
        await using var session = await BrowserSession.StartAsync(provider.PortalSettings());
        await provider.RegisterPortalAsync(session.BaseUrl);
        provider.SignedInAs = new FakeCouncilProvider.Person("entra-7f3a", "manager@northmoor.example", Amr: ["pwd", "mfa"]);

        var page = await session.NewPageAsync();
        await page.GotoAsync("/account/sign-in?ReturnUrl=%2Fqa");
        await BrowserSession.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your Northmoor Council account" }).ClickAsync();
        // Off to the provider (another origin) and straight back, signed in, where the person was going.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/qa$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        // Someone the council's provider knows but the portal does not: a plain page, and the way back.
        var stranger = await (await session.NewContextAsync()).NewPageAsync();
        provider.SignedInAs = new FakeCouncilProvider.Person("stranger-1", "someone@elsewhere.example");
        await stranger.GotoAsync("/account/sign-in");
        await stranger.GetByRole(AriaRole.Button, new() { Name = "Sign in with your Northmoor Council account" }).ClickAsync();
        await Assertions.Expect(stranger.GetByTestId("council-sign-in-failed")).ToContainTextAsync("not set up for this portal");
        await BrowserSession.AssertAccessibleAsync(stranger);

        var admin = await (await session.NewContextAsync()).NewPageAsync();
        await BrowserSession.SignInAsync(admin, "admin@northmoor.example");
        await admin.GotoAsync("/admin/sign-in");
        await BrowserSession.AssertAccessibleAsync(admin);
        await admin.GetByLabel("Group").FillAsync("5b1e-iro-team");
        await admin.GetByLabel("Portal role").SelectOptionAsync("IRO");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("Members of 5b1e-iro-team now get IRO");
        await BrowserSession.AssertAccessibleAsync(admin);

        await admin.GotoAsync("/admin/api-clients");
        await admin.GetByLabel("Name of the system").FillAsync("Case management system");
        await admin.GetByLabel("Send the SSDA903 return (returns.write)").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("client-secret")).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(admin);
        await admin.GotoAsync("/admin/api-clients");
        await Assertions.Expect(admin.GetByTestId("api-clients")).ToContainTextAsync("Case management system");
        await BrowserSession.AssertAccessibleAsync(admin);
        await admin.GotoAsync("/admin/api-clients/reference");
        await BrowserSession.AssertAccessibleAsync(admin);

        // On a phone the administrators' pages never scroll sideways: tables and commands scroll within their own box.
        var phone = await (await session.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 800 } })).NewPageAsync();
        await BrowserSession.SignInAsync(phone, "admin@northmoor.example");
        foreach (var path in new[] { "/admin/api-clients", "/admin/api-clients/reference", "/admin/sign-in", "/account/council/callback" })
        {
            await phone.GotoAsync(path);
            Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 320, $"{path} is wider than a 320 px screen");
            await BrowserSession.AssertAccessibleAsync(phone);
        }

        // Signing out ends the council's session too, once the administrator chose that: the browser goes to the
        // provider (allowed by the content security policy's form-action) and comes back signed out.
        await admin.GotoAsync("/admin/sign-in");
        await admin.GetByLabel("Signing out of the portal also signs out of the council's account").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("Saved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/signed-out$"));
        Assert.Equal(1, provider.SignOuts);
    }
}
