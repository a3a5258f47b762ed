using Microsoft.Playwright;

namespace IroPortal.Browser.Tests;

/// <summary>The navigation by task on a laptop and a phone, the home page's list of what needs doing, and tables that
/// fit or scroll in their own region instead of breaking words.</summary>
public sealed class NavigationBrowserTests
{
    /// <summary>How many lines the items of a list take.</summary>
    private static Task<int> LinesOf(IPage page, string list) =>
        page.EvaluateAsync<int>("s => new Set([...document.querySelectorAll(s + ' > li')].filter(li => li.offsetParent !== null).map(li => Math.round(li.getBoundingClientRect().top))).size", list);

    [Fact]
    public async Task Each_roles_sections_fit_one_line_at_1280_px_the_home_page_says_what_needs_doing_and_the_qa_board_does_not_scroll()
    {
        await using var session = await BrowserSession.StartAsync();
        foreach (var email in new[] { "manager@northmoor.example", "admin@northmoor.example", "iro1@northmoor.example", "board1@northmoor.example", "senior@northmoor.example" })
        {
            await using var context = await session.NewContextAsync();
            var page = await context.NewPageAsync();
            await BrowserSession.SignInAsync(page, email);
            await page.GotoAsync("/staff");
            Assert.True(await LinesOf(page, ".govuk-service-navigation__list") == 1, $"{email}'s sections wrap at 1280 px");
            await BrowserSession.AssertAccessibleAsync(page);
        }

        var manager = await session.NewPageAsync();
        await BrowserSession.SignInAsync(manager, "manager@northmoor.example");
        await manager.GotoAsync("/staff");
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "What needs doing" })).ToBeVisibleAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Quality assurance this year" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "QA compliance board", Level = 1 })).ToBeVisibleAsync();
        // The section's pages beneath, the board among them, and the board's eight columns within the page.
        await Assertions.Expect(manager.GetByRole(AriaRole.Navigation, new() { Name = "Quality assurance" }).GetByRole(AriaRole.Link, new() { Name = "QA compliance board" }))
            .ToHaveAttributeAsync("aria-current", "page");
        var (scrollWidth, clientWidth) = (await manager.EvaluateAsync<int>("document.querySelector('.qa-scroll').scrollWidth"), await manager.EvaluateAsync<int>("document.querySelector('.qa-scroll').clientWidth"));
        Assert.True(scrollWidth <= clientWidth, $"The QA board is {scrollWidth} px wide in a {clientWidth} px region at 1280 px");
        await BrowserSession.AssertAccessibleAsync(manager);
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task On_a_320_px_phone_the_sections_fold_into_the_menu_and_no_staff_page_scrolls_sideways()
    {
        await using var session = await BrowserSession.StartAsync(viewportWidth: 320);
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "manager@northmoor.example");
        foreach (var path in new[] { "/staff", "/qa", "/qa/records", "/performance", "/annual-report" })
        {
            await page.GotoAsync(path);
            await BrowserSession.AssertFitsAsync(page, 320);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Review data" })).ToBeVisibleAsync();
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task The_public_report_never_breaks_a_word_inside_a_table_at_1280_or_320_px()
    {
        foreach (var width in new[] { 1280, 320 })
        {
            await using var session = await BrowserSession.StartAsync(viewportWidth: width);
            var page = await session.NewPageAsync();
            await page.GotoAsync("/reports");
            await page.Locator("main a[href^='/reports/20']").First.ClickAsync();
            // A word split over two lines has two boxes. (A line may still end at a hyphen or a dash: "full-|time".)
            var broken = await page.EvaluateAsync<string[]>("""
                () => {
                  const found = [];
                  for (const cell of document.querySelectorAll('.app-report-section th, .app-report-section td')) {
                    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                    for (let node; (node = walker.nextNode()); ) {
                      for (const match of node.textContent.matchAll(/[^\s\-\u2013\u2014]+/g)) {
                        const range = document.createRange();
                        range.setStart(node, match.index);
                        range.setEnd(node, match.index + match[0].length);
                        if (range.getClientRects().length > 1) found.push(match[0]);
                      }
                    }
                  }
                  return found;
                }
                """);
            Assert.True(broken.Length == 0, $"At {width} px these words break across lines: {string.Join(", ", broken.Distinct().Take(20))}");
            await BrowserSession.AssertFitsAsync(page, width);
        }
    }
}
