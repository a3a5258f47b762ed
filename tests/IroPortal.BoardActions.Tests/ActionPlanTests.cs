using System.Net;
using IroPortal.AnnualReport.Contracts;
using IroPortal.AnnualReport.Models;
using IroPortal.AnnualReport.Services;
using IroPortal.BoardActions.Models;
using IroPortal.Notifications.Models;
using IroPortal.Notifications.Services;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.BoardActions.Tests;

public sealed class ActionPlanTests
{
    private const int Year = 2031;

    /// <summary>An approved report published to the board, with the board's resolution recorded by the clerk.</summary>
    private static async Task<HttpClient> BoardHasMetAsync(PortalApp app, int year = Year)
    {
        await Reports.ApproveAsync(app, year, new() { ["summary"] = "Reviews were held on time.", ["service"] = "Caseloads are high." });
        var manager = await app.SignedInClient(Reports.Manager);
        await manager.PostFormAsync($"/publishing/{year}/board", new() { ["Board.MeetingDate.Day"] = "14", ["Board.MeetingDate.Month"] = "7", ["Board.MeetingDate.Year"] = (year + 1).ToString() }, $"/publishing/{year}");
        var clerk = await app.SignedInClient("clerk@northmoor.example");
        var resolved = await clerk.PostFormAsync($"/board/{year}/resolution", new()
        {
            ["Resolution.MeetingDate.Day"] = "14", ["Resolution.MeetingDate.Month"] = "7", ["Resolution.MeetingDate.Year"] = "2026",
            ["Resolution.Outcome"] = "noted-with-actions", ["Resolution.Minute"] = "The board asked for caseloads to come down.",
        }, $"/board/{year}");
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        return clerk;
    }

    private static Task<Guid> UserIdAsync(PortalApp app, string role, string email) =>
        app.InScope<IStaffDirectory, Guid>(async s => (await s.InRoleAsync(role)).Single(m => m.Email == email).Id);

    private static Dictionary<string, string> Action(string what, Guid owner, DateOnly due, string section = "") => new()
    {
        ["Form.What"] = what, ["Form.OwnerId"] = owner.ToString(), ["Form.Due.Day"] = due.Day.ToString(), ["Form.Due.Month"] = due.Month.ToString(),
        ["Form.Due.Year"] = due.Year.ToString(), ["Form.Section"] = section,
    };

    [Fact]
    public async Task The_clerk_records_actions_the_owner_updates_them_and_nobody_else_can()
    {
        await using var app = new PortalApp();
        var clerk = await BoardHasMetAsync(app);
        var iro1 = await UserIdAsync(app, "IRO", "iro1@northmoor.example");
        var admin = await UserIdAsync(app, "Administrator", "admin@northmoor.example");
        var today = IroPortal.Modularity.UkTime.Today(app.Clock);
        var page = $"/board/actions/{Year}";

        // Mistakes are named, field by field, and nothing is saved.
        var bad = await clerk.PostFormAsync(page, new(Action("", admin, new DateOnly(2026, 7, 1))) { ["Form.Section"] = "section-nonsense" }, page);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Enter what the board asked for", html);
        Assert.Contains("Choose the owner from the list: that person cannot own an action", html);
        Assert.Contains("Choose a section of the report from the list, or none", html);
        Assert.Empty(await app.InDatabase(db => db.Set<BoardAction>().Where(a => a.YearStart == Year).ToListAsync()));

        var form = await clerk.GetStringAsync(page);
        var section = System.Text.RegularExpressions.Regex.Match(form, "<option value=\"(section-[0-9a-f]+)\">The IRO service</option>").Groups[1].Value;
        Assert.True(section.Length > 0, form);
        await clerk.PostFormAsync(page, Action("Bring caseloads within 50 to 70.", iro1, today.AddDays(30), section), page);
        var action = await app.InDatabase(db => db.Set<BoardAction>().SingleAsync(a => a.YearStart == Year));
        Assert.Equal("The IRO service", action.SectionTitle);

        // The owner sees it as theirs and posts an update that marks it done.
        var owner = await app.SignedInClient("iro1@northmoor.example");
        Assert.Contains("Bring caseloads within 50 to 70.", await owner.GetStringAsync("/board/actions/mine"));
        var item = $"/board/actions/item/{action.Id}";
        await owner.PostFormAsync($"{item}/updates", new() { ["Update.Text"] = "Two new IROs start in March.", ["Update.ChangeState"] = "true", ["Update.Revision"] = action.Revision.ToString() }, item);
        action = await app.InDatabase(db => db.Set<BoardAction>().Include(a => a.Updates).SingleAsync(a => a.Id == action.Id));
        Assert.Equal(today, action.DoneOn);
        Assert.Contains(action.Updates, u => u.Text == "Two new IROs start in March." && u.Change == "Marked done");

        // A board member reads it; another IRO, the administrator and a member posting an update are refused.
        var member = await app.SignedInClient("board1@northmoor.example");
        Assert.Contains("Two new IROs start in March.", await member.GetStringAsync(item));
        var otherIro = await app.SignedInClient("iro2@northmoor.example");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await otherIro.GetAsync(item)).StatusCode);
        Assert.DoesNotContain("Bring caseloads", await otherIro.GetStringAsync("/board/actions/mine"));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await (await app.SignedInClient("admin@northmoor.example")).GetAsync(page)).StatusCode);
        foreach (var refused in new[] { await otherIro.CraftedPostAsync($"{item}/updates", new() { ["Update.Text"] = "Not mine", ["Update.Revision"] = "2" }, "/board/actions/mine"),
                                        await member.CraftedPostAsync($"{item}/updates", new() { ["Update.Text"] = "Not mine", ["Update.Revision"] = "2" }, item),
                                        await member.CraftedPostAsync(page, Action("Member's own action", iro1, today), page) })
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(2, await app.InDatabase(db => db.Set<ActionUpdate>().CountAsync(u => u.ActionId == action.Id)));

        // A stale form (someone changed it since) saves nothing and says so.
        var stale = await owner.PostFormAsync($"{item}/updates", new() { ["Update.Text"] = "Late words", ["Update.Revision"] = "1" }, item);
        Assert.Contains("Someone else changed this action", WebUtility.HtmlDecode(await (await owner.GetAsync(stale.Headers.Location!)).Content.ReadAsStringAsync()));
        Assert.Equal(2, await app.InDatabase(db => db.Set<ActionUpdate>().CountAsync(u => u.ActionId == action.Id)));
    }

    [Fact]
    public async Task Owners_are_reminded_before_the_due_date_and_while_the_action_is_overdue()
    {
        await using var app = new PortalApp();
        var clerk = await BoardHasMetAsync(app);
        var iro1 = await UserIdAsync(app, "IRO", "iro1@northmoor.example");
        var today = IroPortal.Modularity.UkTime.Today(app.Clock);
        await clerk.PostFormAsync($"/board/actions/{Year}", Action("Publish the report on the council website.", iro1, today.AddDays(20)), $"/board/actions/{Year}");
        var runner = app.Services.GetRequiredService<JobRunner>();
        Task<List<Notification>> Reminders() => app.InDatabase(db => db.Set<Notification>().Where(n => n.UserId == iro1 && n.RuleKey == "board-actions.due").ToListAsync());

        await runner.RunAsync("board-actions.due", CancellationToken.None);
        Assert.Empty(await Reminders()); // 20 days out: before the 14-day reminder

        app.Clock.Advance(TimeSpan.FromDays(8));
        await runner.RunAsync("board-actions.due", CancellationToken.None);
        await runner.RunAsync("board-actions.due", CancellationToken.None);
        var before = Assert.Single(await Reminders());
        Assert.Contains("is due on", before.Title + before.Body);
        Assert.False(before.Urgent);

        // On the day, then a week later: overdue.
        app.Clock.Advance(TimeSpan.FromDays(12));
        await runner.RunAsync("board-actions.due", CancellationToken.None);
        Assert.Single(await Reminders(), n => n.Title.Contains("is due today"));
        app.Clock.Advance(TimeSpan.FromDays(7));
        await runner.RunAsync("board-actions.due", CancellationToken.None);
        var overdue = Assert.Single(await Reminders(), n => n.Title.Contains("overdue"));
        Assert.True(overdue.Urgent);
        Assert.Contains("Overdue", await (await app.SignedInClient(Reports.Manager)).GetStringAsync($"/board/actions/{Year}"));
    }

    [Fact]
    public async Task Next_years_report_carries_each_action_with_its_final_state_and_updates_frozen_at_approval()
    {
        await using var app = new PortalApp();
        var clerk = await BoardHasMetAsync(app);
        var iro1 = await UserIdAsync(app, "IRO", "iro1@northmoor.example");
        var today = IroPortal.Modularity.UkTime.Today(app.Clock);
        await clerk.PostFormAsync($"/board/actions/{Year}", Action("Cut review drift in half.", iro1, today.AddDays(40)), $"/board/actions/{Year}");
        var action = await app.InDatabase(db => db.Set<BoardAction>().SingleAsync(a => a.YearStart == Year));
        var owner = await app.SignedInClient("iro1@northmoor.example");
        var item = $"/board/actions/item/{action.Id}";
        await owner.PostFormAsync($"{item}/updates", new() { ["Update.Text"] = "Drift audit done in May; the lead is on 07700 900123.", ["Update.Revision"] = action.Revision.ToString() }, item);

        // Next year's report starts with the action in "progress on last year's priorities", ready for the manager's words.
        var manager = await app.SignedInClient(Reports.Manager);
        await app.InScope<ReportService, Report>(r => r.CreateAsync(Year + 1, "Test manager"));
        var carried = await app.InDatabase(db => db.Set<PriorityProgress>().SingleAsync(p => p.BoardActionId == action.Id));
        Assert.Equal("The board's action: Cut review drift in half.", carried.Priority);
        Assert.Contains("Open, due", carried.Detail);
        Assert.Contains("Drift audit done in May", carried.Detail);

        // Marked done later: the report, still a draft, shows the final state when the section is opened.
        action = await app.InDatabase(db => db.Set<BoardAction>().SingleAsync(a => a.Id == action.Id));
        await owner.PostFormAsync($"{item}/updates", new() { ["Update.Text"] = "Drift halved.", ["Update.ChangeState"] = "true", ["Update.Revision"] = action.Revision.ToString() }, item);
        var progressSection = await Reports.SectionIdAsync(app, Year + 1, "progress-last");
        var editor = await manager.GetStringAsync($"/annual-report/{Year + 1}/sections/{progressSection}");
        Assert.Contains("Done on", editor);
        Assert.Contains("Drift halved.", editor);
        await manager.PostFormAsync($"/annual-report/{Year + 1}/progress/{carried.Id}", new() { ["update"] = "The board's target was met." }, $"/annual-report/{Year + 1}/sections/{progressSection}");

        await app.InScope<ReportService, bool>(async reports =>
        {
            var report = (await reports.FindAsync(Year + 1))!;
            await reports.MoveAsync(report, ReportStatus.InReview, "Test manager");
            await reports.MoveAsync(report, ReportStatus.Approved, "Test manager");
            return true;
        });
        // After approval the action is opened again: the approved report keeps what it said.
        action = await app.InDatabase(db => db.Set<BoardAction>().SingleAsync(a => a.Id == action.Id));
        await owner.PostFormAsync($"{item}/updates", new() { ["Update.Text"] = "Reopened after approval.", ["Update.ChangeState"] = "true", ["Update.Revision"] = action.Revision.ToString() }, item);
        await manager.GetStringAsync($"/annual-report/{Year + 1}");
        var approved = await app.InScope<IApprovedReports, ApprovedReport?>(r => r.FindAsync(Year + 1));
        var progress = Assert.Single(approved!.Sections.Single(s => s.Key == "progress-last").Progress);
        Assert.Contains("Done on", progress.Detail);
        Assert.DoesNotContain("Reopened after approval.", progress.Detail);
        Assert.Equal("The board's target was met.", progress.Update);

        // What owners wrote reaches the report, so the privacy guard reads it before the report is published.
        var check = WebUtility.HtmlDecode(await manager.GetStringAsync($"/publishing/{Year + 1}"));
        Assert.Contains("07700 900123", check);
        Assert.Contains("a phone number", check);
    }

    [Fact]
    public async Task The_public_report_shows_the_plan_only_when_chosen_and_only_when_the_privacy_guard_passes()
    {
        await using var app = new PortalApp();
        var clerk = await BoardHasMetAsync(app);
        var manager = await app.SignedInClient(Reports.Manager);
        await manager.PostFormAsync($"/publishing/{Year}/public", new() { ["Public.ChangeNote"] = "" }, $"/publishing/{Year}");
        var senior = await UserIdAsync(app, "Senior manager", "senior@northmoor.example");
        var today = IroPortal.Modularity.UkTime.Today(app.Clock);
        await clerk.PostFormAsync($"/board/actions/{Year}", Action("Recruit two more IROs.", senior, today.AddDays(60)), $"/board/actions/{Year}");
        var visitor = app.NewClient();
        Assert.DoesNotContain("What the board asked for", await visitor.GetStringAsync($"/reports/{Year}"));

        await clerk.PostFormAsync($"/board/actions/{Year}/public", new() { ["show"] = "true" }, $"/board/actions/{Year}");
        var shown = await visitor.GetStringAsync($"/reports/{Year}");
        Assert.Contains("What the board asked for, and progress", shown);
        Assert.Contains("Recruit two more IROs.", shown);
        Assert.DoesNotContain("Joanne Price", shown); // owners are named for the board, not the public

        // An action whose words may name a child takes the summary off at once, and the manager is told why.
        await clerk.PostFormAsync($"/board/actions/{Year}", Action("Find a placement near school for Kayden.", senior, today.AddDays(60)), $"/board/actions/{Year}");
        var hidden = await visitor.GetStringAsync($"/reports/{Year}");
        Assert.DoesNotContain("What the board asked for", hidden);
        Assert.DoesNotContain("Kayden", hidden);
        Assert.Contains("Kayden", WebUtility.HtmlDecode(await clerk.GetStringAsync($"/board/actions/{Year}")));
    }

    [Fact]
    public async Task Children_read_what_they_said_and_each_actions_progress_in_plain_words_and_the_guard_keeps_contact_details_off()
    {
        await using var app = new PortalApp();
        var clerk = await BoardHasMetAsync(app);
        var iro1 = await UserIdAsync(app, "IRO", "iro1@northmoor.example");
        var today = IroPortal.Modularity.UkTime.Today(app.Clock);
        var due = today.AddDays(40);
        await clerk.PostFormAsync($"/board/actions/{Year}", Action("Send every child a card with the date of their next review.", iro1, due), $"/board/actions/{Year}");
        var actionId = await app.InDatabase(db => db.Set<BoardAction>().Where(a => a.YearStart == Year).Select(a => a.Id).SingleAsync());
        var manager = await app.SignedInClient(Reports.Manager);
        var path = $"/board/actions/{Year}/you-said-we-did";
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInClient("board1@northmoor.example")).GetAsync(path)).StatusCode);

        var refused = WebUtility.HtmlDecode(await (await manager.PostFormAsync(path, new() { ["Form.Said"] = " " }, path)).Content.ReadAsStringAsync());
        Assert.Contains("Enter what children told us", refused);
        Assert.Contains("Choose at least one action", refused);
        var added = await manager.PostFormAsync(path, new() { ["Form.Said"] = "You did not always know when your review was.", ["Form.ActionIds"] = actionId.ToString() }, path);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        // The children's summary: its button goes to the children's form, and "You said, we did" comes before it.
        var summaryPath = $"/publishing/{Year}/for-children";
        Assert.Contains("value=\"/tell-us\"", await manager.GetStringAsync(summaryPath));
        await manager.PostFormAsync(summaryPath, new()
        {
            ["WhatIsAnIro"] = "Your IRO runs your review.", ["WhatWeDid"] = "We held your reviews.", ["WhatYouToldUs"] = "You told us about your reviews.",
            ["WhatWeWillDo"] = "We will tell you the date.", ["HowToTellUs"] = "Press the button.", ["FeedbackLink"] = "/tell-us",
        }, summaryPath);
        var published = await manager.PostFormAsync(summaryPath + "/publish", new() { ["Publish.Reason"] = "Short words." }, summaryPath);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var child = WebUtility.HtmlDecode(await app.NewClient().GetStringAsync($"/reports/{Year}/for-children"));
        Assert.Contains("You said:</strong> You did not always know when your review was.", child);
        Assert.Contains($"We are working on it. We plan to finish by {due.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}.", child);
        Assert.True(child.IndexOf("You said, we did", StringComparison.Ordinal) < child.IndexOf("How to tell us what you think", StringComparison.Ordinal));
        Assert.Contains("href=\"/tell-us\"", child);

        // Live: past its due date, the progress says so by itself.
        app.Clock.Advance(TimeSpan.FromDays(41));
        Assert.Contains("It is taking longer than we planned", WebUtility.HtmlDecode(await app.NewClient().GetStringAsync($"/reports/{Year}/for-children")));

        // Anything the privacy guard finds keeps the whole part off the children's page, and the manager is told why.
        manager = await app.SignedInClient(Reports.Manager);
        await manager.PostFormAsync(path, new() { ["Form.Said"] = "You said to ring 07700 900123 about the cards.", ["Form.ActionIds"] = actionId.ToString() }, path);
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        var hidden = WebUtility.HtmlDecode(await app.NewClient().GetStringAsync($"/reports/{Year}/for-children"));
        Assert.DoesNotContain("You said:", hidden);
        Assert.DoesNotContain("07700", hidden);
        Assert.Contains("the privacy guard found what could identify a child", WebUtility.HtmlDecode(await manager.GetStringAsync(path)));
    }
}
