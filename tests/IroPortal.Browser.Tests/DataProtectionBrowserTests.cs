using Microsoft.Playwright;

namespace IroPortal.Browser.Tests;

public sealed class DataProtectionBrowserTests
{
    [Fact]
    public async Task The_notices_the_statement_and_the_data_protection_pages_pass_axe_and_fit_a_phone()
    {
        await using var session = await BrowserSession.StartAsync();

        // Anyone, on a 320 px phone, from the footer of any page.
        var visitor = await (await session.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 800 }, IsMobile = true, HasTouch = true })).NewPageAsync();
        await visitor.GotoAsync("/reports");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Accessibility statement" }).TapAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Accessibility statement", Level = 1 })).ToBeVisibleAsync();
        foreach (var path in new[] { "/accessibility", "/cookies", "/privacy", "/privacy/children", "/privacy/feedback" })
        {
            await visitor.GotoAsync(path);
            await BrowserSession.AssertFitsAsync(visitor, 320);
        }

        // The administrator: the periods with a mistake in one, the preview, a search with its results, the notices.
        var admin = await session.NewPageAsync();
        await BrowserSession.SignInAsync(admin, "admin@northmoor.example");
        await admin.GotoAsync("/admin/retention");
        await admin.GetByLabel("Days to keep observations of practice").FillAsync("three years");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save periods" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".govuk-error-summary")).ToContainTextAsync("must be a whole number of days");
        await BrowserSession.AssertAccessibleAsync(admin);
        await admin.GotoAsync("/admin/personal-data");
        await admin.GetByLabel("Case reference, child's identifier or email address").FillAsync("iro1@northmoor.example");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("Portal account");
        await BrowserSession.AssertAccessibleAsync(admin);

        var phone = await (await session.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 800 } })).NewPageAsync();
        await BrowserSession.SignInAsync(phone, "admin@northmoor.example");
        foreach (var path in new[] { "/admin/retention", "/admin/personal-data", "/admin/statements", "/admin/statements/accessibility", "/admin/audit" })
        {
            await phone.GotoAsync(path);
            await BrowserSession.AssertFitsAsync(phone, 320);
        }
        await phone.GotoAsync("/admin/personal-data");
        await phone.GetByLabel("Case reference, child's identifier or email address").FillAsync("iro1@northmoor.example");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("Portal account");
        await BrowserSession.AssertFitsAsync(phone, 320);
        session.AssertNoPageProblems();
    }
}
