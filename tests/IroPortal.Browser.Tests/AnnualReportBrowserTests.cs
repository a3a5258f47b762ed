using Microsoft.Playwright;

namespace IroPortal.Browser.Tests;

public sealed class AnnualReportBrowserTests
{
    [Fact]
    public async Task The_manager_inserts_a_figures_block_sees_it_in_the_preview_and_approves_the_report()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "manager@northmoor.example");
        await page.GotoAsync("/annual-report");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Draft" }).GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Monitoring between reviews" }).ClickAsync();

        var body = page.GetByLabel("Text, in Markdown");
        await body.FillAsync("IROs kept in touch with every child between reviews.");
        await page.GetByLabel("Figures block").SelectOptionAsync(new SelectOptionValue { Label = "Children's participation" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Insert figures" }).ClickAsync();
        await Assertions.Expect(body).ToHaveValueAsync("IROs kept in touch with every child between reviews.\n\n{{figures:participation}}\n\n");
        var preview = page.Locator("#preview");
        await Assertions.Expect(preview.Locator("caption")).ToHaveTextAsync("Children's participation in their reviews");
        await Assertions.Expect(preview.Locator("svg[role=img]")).ToHaveCountAsync(1);
        await BrowserSession.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save section" }).ClickAsync();
        await Assertions.Expect(page.GetByText("\u201cMonitoring between reviews\u201d saved as version")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the report" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve the report" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Approved. The text and figures are frozen")).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Read the whole report" }).ClickAsync();
        var monitoring = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Monitoring between reviews" }) });
        await Assertions.Expect(monitoring.Locator("caption")).ToHaveTextAsync("Children's participation in their reviews");
        await BrowserSession.AssertAccessibleAsync(page);
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task An_iros_contribution_form_meets_wcag_2_2_aa_with_and_without_errors()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "iro8@northmoor.example");
        await page.GotoAsync("/contributions/mine");
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your contribution to the annual report" })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(page);

        await page.GetByLabel("Children's voices").FillAsync("\"Call me on 07700 900123.\"");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to the IRO manager" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("looks like a phone number");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Training you need");
        await BrowserSession.AssertAccessibleAsync(page);
        session.AssertNoPageProblems();
    }
}
