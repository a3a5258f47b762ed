using IroPortal.Modularity;
using IroPortal.Notifications.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IroPortal.Browser.Tests;

public sealed class NotificationsBrowserTests
{
    [Fact]
    public async Task The_reminder_pages_pass_axe_and_an_IRO_opens_a_reminder_from_the_header()
    {
        await using var session = await BrowserSession.StartAsync();
        // A deadline today for the demo round, and the rule run: the IROs still to send have a reminder.
        await session.App.InDatabase(async db =>
        {
            var round = db.Set<IroPortal.Contributions.Models.ContributionRound>().OrderByDescending(r => r.YearStart).First();
            round.Deadline = UkTime.Today(session.App.Clock);
            return await db.SaveChangesAsync();
        });
        await session.App.Services.GetRequiredService<JobRunner>().RunAsync("contributions.round-deadline", CancellationToken.None);

        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "iro2@northmoor.example");
        await page.GotoAsync("/staff");
        await page.GetByRole(AriaRole.Link, new() { Name = "Notifications 1 unread" }).ClickAsync();
        await BrowserSession.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("annual report is due today") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/contributions/mine$"));
        await page.GotoAsync("/notifications/preferences");
        await page.GetByLabel("One email each morning with the ones that are not urgent").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("reminders that are not urgent will come in one email each morning");
        await BrowserSession.AssertAccessibleAsync(page);

        var manager = await (await session.NewContextAsync()).NewPageAsync();
        await BrowserSession.SignInAsync(manager, "manager@northmoor.example");
        await manager.GotoAsync("/reminders");
        await BrowserSession.AssertAccessibleAsync(manager);
        await manager.GotoAsync("/reminders/rules/contributions.round-deadline");
        await manager.GetByLabel("Days before the deadline").FillAsync("0");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-error-summary")).ToContainTextAsync("Days before the deadline must be a whole number from 1 to 60");
        await BrowserSession.AssertAccessibleAsync(manager);
        await manager.GotoAsync("/reminders/timetable");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Add the date" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what happens on the day");
        await BrowserSession.AssertAccessibleAsync(manager);

        var admin = await (await session.NewContextAsync()).NewPageAsync();
        await BrowserSession.SignInAsync(admin, "admin@northmoor.example");
        await admin.GotoAsync("/admin/jobs");
        await BrowserSession.AssertAccessibleAsync(admin);
        await admin.Locator("form[action='/admin/jobs/notifications.digest/pause'] button").ClickAsync();
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("Daily digest is paused");
        await admin.GotoAsync("/admin/jobs/notifications.outbox");
        await BrowserSession.AssertAccessibleAsync(admin);
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task Run_now_shows_the_outcome_without_a_reload_and_Hangfire_s_dashboard_runs_under_the_portal_s_policy()
    {
        await using var session = await BrowserSession.StartAsync();
        var admin = await session.NewPageAsync();
        await BrowserSession.SignInAsync(admin, "admin@northmoor.example");
        await admin.GotoAsync("/admin/jobs");
        await admin.Locator("form[action='/admin/jobs/qa.actions-due/run'] button").ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/jobs/qa.actions-due\\?run="));
        // The page asks the portal how it went and says so in its live region, without the person reloading.
        await Assertions.Expect(admin.Locator("#run-outcome [data-outcome-status]")).ToHaveTextAsync("Succeeded", new() { Timeout = 20_000 });
        await Assertions.Expect(admin.Locator("#run-outcome")).ToContainTextAsync("due");
        // The list of runs below is drawn again with this one in it.
        await Assertions.Expect(admin.Locator("#job-runs table")).ToContainTextAsync("Succeeded");
        await BrowserSession.AssertAccessibleAsync(admin);

        // On a phone the jobs table scrolls within its own box; the page never scrolls sideways.
        var phone = await (await session.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 800 } })).NewPageAsync();
        await BrowserSession.SignInAsync(phone, "admin@northmoor.example");
        foreach (var path in new[] { "/admin/jobs", "/admin/jobs/qa.actions-due" })
        {
            await phone.GotoAsync(path);
            Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 320, $"{path} is wider than a 320 px screen");
            await BrowserSession.AssertAccessibleAsync(phone);
        }

        await admin.GotoAsync("/admin/jobs");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Hangfire's dashboard" }).ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/jobs/hangfire$"));
        await Assertions.Expect(admin.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(admin.Locator("body")).ToContainTextAsync("Recurring Jobs");
        await admin.GotoAsync("/admin/jobs/hangfire/recurring");
        await Assertions.Expect(admin.Locator("body")).ToContainTextAsync("qa.actions-due");
        // Its own buttons post with the portal's antiforgery token: trigger a recurring job from the dashboard.
        await admin.Locator("input.js-jobs-list-checkbox[value='notifications.timetable']").CheckAsync();
        var trigger = await admin.RunAndWaitForResponseAsync(
            () => admin.Locator("button.js-jobs-list-command[data-url$='/recurring/trigger']").ClickAsync(), r => r.Url.EndsWith("/recurring/trigger"));
        Assert.True(trigger.Ok, $"the dashboard's trigger was refused: {trigger.Status}");
        await admin.WaitForLoadStateAsync(LoadState.NetworkIdle); // Hangfire reloads the page after a command
        // The triggered job is queued, then run by the worker: the list of succeeded jobs is read again until it is there,
        // as it is a page drawn once, not one that updates itself.
        var succeeded = "";
        for (var tries = 0; tries < 40 && !succeeded.Contains("notifications.timetable"); tries++)
        {
            if (tries > 0) await Task.Delay(500);
            await admin.GotoAsync("/admin/jobs/hangfire/jobs/succeeded");
            succeeded = await admin.Locator("body").InnerTextAsync();
        }
        Assert.Contains("notifications.timetable", succeeded);
        session.AssertNoPageProblems();
    }
}
