using IroPortal.Modularity;
using IroPortal.Publishing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IroPortal.Browser.Tests;

public sealed class PublishingBrowserTests
{
    private static Task<int> DemoYear(BrowserSession session) =>
        session.App.InDatabase(db => db.Set<Release>().Where(r => r.Audience == Audience.Public).Select(r => r.YearStart).SingleAsync());

    [Fact]
    public async Task The_public_report_its_index_and_the_board_version_pass_axe_and_the_keyboard_reaches_every_link()
    {
        await using var session = await BrowserSession.StartAsync();
        var year = await DemoYear(session);
        var page = await session.NewPageAsync();
        await page.GotoAsync("/reports");
        await BrowserSession.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = $"IRO annual report {ReportingYear.Name(year)}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = ReportingYear.Name(year), Level = 1 })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(page);

        // Tab through the whole page from the top: every link, the downloads among them, takes the focus in turn.
        var links = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('a[href]')].map(a => a.href)");
        var reached = new HashSet<string>();
        for (var i = 0; i < links.Length + 10; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string?>("document.activeElement && document.activeElement.href || null") is { } href) reached.Add(href);
        }
        var missed = links.Where(l => !reached.Contains(l)).ToList();
        Assert.True(missed.Count == 0, "The keyboard never reached: " + string.Join(", ", missed));
        Assert.Contains(links, l => l.EndsWith($"/reports/{year}/report.pdf"));
        Assert.Contains(links, l => l.EndsWith($"/reports/{year}/data.xlsx"));

        // The data download works from the keyboard too.
        await page.Locator($"a[href='/reports/{year}/data.xlsx']").FocusAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename);

        var board = await (await session.NewContextAsync()).NewPageAsync();
        await BrowserSession.SignInAsync(board, "board1@northmoor.example");
        await board.GotoAsync($"/board/{year}");
        await Assertions.Expect(board.Locator("main")).ToContainTextAsync("The board's resolution");
        await BrowserSession.AssertAccessibleAsync(board);
        await board.GetByRole(AriaRole.Button, new() { Name = "Ask the question" }).First.ClickAsync();
        await Assertions.Expect(board.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your question");
        await BrowserSession.AssertAccessibleAsync(board);
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task The_childrens_summary_and_the_report_fit_a_320px_phone_and_pass_axe()
    {
        await using var session = await BrowserSession.StartAsync(viewportWidth: 320);
        var year = await DemoYear(session);
        var page = await session.NewPageAsync();
        foreach (var path in new[] { $"/reports/{year}/for-children", $"/reports/{year}", "/reports" })
        {
            await page.GotoAsync(path);
            await BrowserSession.AssertAccessibleAsync(page);
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways on a 320px screen");
        }
        // A report whose manager pasted a long code block and a wide table still fits.
        const int pasted = 2037;
        await Reports.ApproveAsync(session.App, pasted, new() { ["summary"] = "Reviews were on time.\n\n```\nreview_outcomes_for_the_whole_year_exported_from_the_case_management_system_without_any_spaces_at_all\n```\n\nMeasure | Count\n--- | ---\nReviews | 1204\n" });
        var published = await session.App.InScope<IroPortal.Publishing.Services.PublishingService, string?>(async p => (await p.PublishReportAsync(pasted, Audience.Public, null, "", "Test")).Problem);
        Assert.Null(published);
        await page.GotoAsync($"/reports/{pasted}");
        await BrowserSession.AssertAccessibleAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "a report with a code block scrolls sideways on a 320px screen");

        await page.GotoAsync($"/reports/{year}/for-children");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Two speech bubbles" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tell us what you think" })).ToBeVisibleAsync();
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task The_managers_publishing_pages_pass_axe_with_findings_and_errors_showing()
    {
        await using var session = await BrowserSession.StartAsync();
        var year = await DemoYear(session);
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "manager@northmoor.example");
        await page.GotoAsync("/publishing");
        await BrowserSession.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = ReportingYear.Name(year) }).ClickAsync();
        await BrowserSession.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish to the board" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("date of the board meeting");
        await BrowserSession.AssertAccessibleAsync(page);

        await page.GotoAsync($"/publishing/{year}/for-children");
        await page.GetByLabel("What you told us").FillAsync("Kayden said his review was boring. Call 07700 900123.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and check" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("must be dealt with before this can be published");
        await BrowserSession.AssertAccessibleAsync(page);
        await page.GotoAsync($"/publishing/{year}/preview/Public");
        await BrowserSession.AssertAccessibleAsync(page);
        await page.GotoAsync("/publishing/names");
        await BrowserSession.AssertAccessibleAsync(page);
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task The_manager_follows_a_findings_link_corrects_it_and_publishes_with_axe_clean_pages()
    {
        await using var session = await BrowserSession.StartAsync();
        var year = await DemoYear(session);
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "manager@northmoor.example");
        await page.GotoAsync($"/publishing/{year}/for-children");
        await page.GetByLabel("What you told us").FillAsync("Kayden said his review was too long. You can text him on +44 (0)7700 900123.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and check" }).ClickAsync();
        var findings = page.Locator(".app-findings");
        await Assertions.Expect(findings).ToContainTextAsync("Kayden");
        await Assertions.Expect(findings).ToContainTextAsync("+44 (0)7700 900123");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish the summary for children" })).ToBeDisabledAsync();
        await BrowserSession.AssertAccessibleAsync(page);

        // The finding's own link leads to the words to correct.
        await page.Locator("a", new() { HasText = "Correct it" }).Filter(new() { HasText = "7700 900123" }).ClickAsync();
        Assert.EndsWith("#WhatYouToldUs", page.Url);
        await page.GetByLabel("What you told us").FillAsync("Children told us their reviews were too long.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and check" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("found nothing that could identify a child");
        await BrowserSession.AssertAccessibleAsync(page);
        if (await page.GetByLabel("What has changed since the last version?").CountAsync() > 0)
            await page.GetByLabel("What has changed since the last version?").FillAsync("What children told us, in their words.");
        if (await page.GetByLabel("Why publish it above grade 5?").CountAsync() > 0)
            await page.GetByLabel("Why publish it above grade 5?").FillAsync("Checked with the children in care council.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the summary for children" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Published at");

        var child = await (await session.NewContextAsync()).NewPageAsync();
        await child.GotoAsync($"/reports/{year}/for-children");
        await Assertions.Expect(child.Locator("main")).ToContainTextAsync("Children told us their reviews were too long.");
        await Assertions.Expect(child.Locator("main")).Not.ToContainTextAsync("Kayden");
        await BrowserSession.AssertAccessibleAsync(child);
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task The_guards_findings_fit_a_320px_screen_and_pass_axe()
    {
        await using var session = await BrowserSession.StartAsync(viewportWidth: 320);
        const int year = 2038;
        await Reports.ApproveAsync(session.App, year, new() { ["summary"] = "Grace said her review was good. Tyler's carer gave 07700 900123.\n\n| Placement | Children |\n|---|---|\n| Out of area | 2 |\n" });
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "manager@northmoor.example");
        await page.GotoAsync($"/publishing/{year}");
        var findings = page.Locator(".app-findings");
        await Assertions.Expect(findings).ToContainTextAsync("This is Grace Murphy");
        await Assertions.Expect(findings).ToContainTextAsync("07700 900123");
        await Assertions.Expect(findings.Locator("strong", new() { HasText = "Tyler" })).ToHaveTextAsync("Tyler");
        await BrowserSession.AssertAccessibleAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the guard's findings scroll sideways on a 320px screen");
        session.AssertNoPageProblems();
    }
}
