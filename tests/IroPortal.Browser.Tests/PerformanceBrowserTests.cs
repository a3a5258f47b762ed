using Microsoft.Playwright;

namespace IroPortal.Browser.Tests;

public sealed class PerformanceBrowserTests
{
    [Fact]
    public async Task The_review_figures_and_the_import_pages_meet_wcag_2_2_aa()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "manager@northmoor.example");

        await page.GotoAsync("/performance");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Caseloads and timeliness by IRO" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("Each IRO's caseload per full-time IRO") })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Each figure for") })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Ethnic group" })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(page);

        // The early warning and the IROs' working time, with an error on the form.
        await page.GotoAsync("/performance/watch");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Early warning", Level = 1 })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(page);
        await page.GotoAsync("/performance/iros");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the working time" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose the IRO");
        await BrowserSession.AssertAccessibleAsync(page);

        await page.GotoAsync("/performance/import");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the files" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-message")).ToContainTextAsync("Choose the return's files");
        await BrowserSession.AssertAccessibleAsync(page);

        await page.GotoAsync("/performance/imports");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "the demo set-up" })).ToHaveCountAsync(5); // the demo's five years
        await BrowserSession.AssertAccessibleAsync(page);
        session.AssertNoPageProblems();
    }
}
