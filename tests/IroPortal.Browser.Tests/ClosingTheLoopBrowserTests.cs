using IroPortal.BoardActions.Models;
using IroPortal.Disputes.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IroPortal.Browser.Tests;

/// <summary>The board's action plan and the dispute resolution record, as their users meet them, checked with axe.</summary>
public sealed class ClosingTheLoopBrowserTests
{
    [Fact]
    public async Task The_action_plan_pages_pass_axe_for_the_clerk_the_owner_and_the_public_and_errors_are_linked()
    {
        await using var session = await BrowserSession.StartAsync();
        var action = await session.App.InDatabase(db => db.Set<BoardAction>().OrderBy(a => a.Position).FirstAsync());
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "clerk@northmoor.example");
        await page.GotoAsync("/board/actions");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Overdue");
        await BrowserSession.AssertAccessibleAsync(page);
        await page.GotoAsync($"/board/actions/{action.YearStart}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the action" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what the board asked for");
        await page.Locator(".govuk-error-summary a", new() { HasText = "Choose who owns the action" }).ClickAsync();
        Assert.Equal("Form-OwnerId", await page.EvaluateAsync<string>("document.activeElement.id"));
        await BrowserSession.AssertAccessibleAsync(page);
        await page.GotoAsync($"/board/actions/item/{action.Id}");
        await BrowserSession.AssertAccessibleAsync(page);

        var owner = await (await session.NewContextAsync()).NewPageAsync();
        await BrowserSession.SignInAsync(owner, "manager@northmoor.example");
        await owner.GotoAsync("/board/actions/mine");
        await BrowserSession.AssertAccessibleAsync(owner);

        var visitor = await (await session.NewContextAsync()).NewPageAsync();
        await visitor.GotoAsync($"/reports/{action.YearStart}#board-actions");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "What the board asked for, and progress" })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(visitor);
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task The_dispute_pages_pass_axe_for_the_iro_and_the_manager_with_errors_showing()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "iro1@northmoor.example");
        await page.GotoAsync("/disputes/mine");
        await BrowserSession.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a concern" }).ClickAsync();
        await page.GetByLabel("The child's case reference").FillAsync("Jordan");
        await page.GetByLabel("The concern").FillAsync("Ring 07700 900123.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the concern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("never the child's name");
        await BrowserSession.AssertAccessibleAsync(page);
        var iro1 = await session.App.InScope<IroPortal.Users.Contracts.IStaffDirectory, Guid>(async s => (await s.InRoleAsync("IRO")).Single(m => m.Email == "iro1@northmoor.example").Id);
        var mine = await session.App.InDatabase(db => db.Set<Escalation>()
            .Where(e => e.IroId == iro1 && e.ResolvedOn == null && e.ClosedOn == null)
            .Select(e => e.Id).FirstAsync());
        await page.GotoAsync($"/disputes/{mine}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the response" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say whether the response resolved the concern");
        await BrowserSession.AssertAccessibleAsync(page);

        var manager = await (await session.NewContextAsync()).NewPageAsync();
        await BrowserSession.SignInAsync(manager, "manager@northmoor.example");
        await manager.GotoAsync("/disputes");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Response late");
        await BrowserSession.AssertAccessibleAsync(manager);
        await manager.GotoAsync("/disputes/stages");
        await manager.GetByLabel("Working days to respond at stage 2").FillAsync("30");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save the stages" }).ClickAsync();
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("The IRO Handbook expects the whole formal process to take no more than 20");
        await manager.GetByLabel("Working days to respond at stage 3").FillAsync("");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save the stages" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-error-summary")).ToContainTextAsync("must be a whole number of working days");
        await manager.Locator(".govuk-error-summary a").First.ClickAsync();
        Assert.Equal("Stages-2--Days", await manager.EvaluateAsync<string>("document.activeElement.id"));
        await BrowserSession.AssertAccessibleAsync(manager);
        session.AssertNoPageProblems();
    }
}
