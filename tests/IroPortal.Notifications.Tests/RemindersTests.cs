using System.Net;
using IroPortal.Contributions.Models;
using IroPortal.Modularity;
using IroPortal.Notifications.Models;
using IroPortal.Notifications.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Notifications.Tests;

/// <summary>The rules, the outbox and the pages on a real portal (SQLite) with a real SMTP listener.</summary>
public sealed class RemindersTests
{
    private const string RoundRule = "contributions.round-deadline";
    // The contribution round the demo opens for this year: IROs 2 and 5 have not started, 7 was returned, 8 has a draft.
    private static readonly string[] Outstanding = ["iro2@northmoor.example", "iro5@northmoor.example", "iro7@northmoor.example", "iro8@northmoor.example"];

    /// <summary>Only the test runs jobs: nothing fires on its own schedule mid-test.</summary>
    private static Dictionary<string, string?> Quiet(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var job in new[] { RoundRule, "notifications.outbox", "notifications.digest", "notifications.timetable", "qa.weekly-overdue", "qa.actions-due", "qa.feedback-reminder" })
            settings[$"Scheduler:Schedules:{job}"] = CronText.Never;
        foreach (var (key, value) in more ?? []) settings[key] = value;
        return settings;
    }

    private static Task Run(PortalApp app, string job) => app.Services.GetRequiredService<JobRunner>().RunAsync(job, CancellationToken.None);

    private static Task SetDeadline(PortalApp app, int daysFromToday) => app.InDatabase(async db =>
    {
        var round = await db.Set<ContributionRound>().OrderByDescending(r => r.YearStart).FirstAsync();
        round.Deadline = UkTime.Today(app.Clock).AddDays(daysFromToday);
        return await db.SaveChangesAsync();
    });

    private static Task<List<OutboxMessage>> Outbox(PortalApp app) => app.InDatabase(db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync());

    [Fact]
    public async Task A_deadline_today_reminds_each_IRO_still_to_send_once_and_the_outbox_retries_a_refusing_server_until_it_accepts()
    {
        await using var sink = new SmtpSink(refuseFirst: 5);
        await using var app = new PortalApp(settings: Quiet(sink.Settings()));
        await SetDeadline(app, 0);

        await Run(app, RoundRule);
        await Run(app, RoundRule); // a second run, or another node's, delivers nothing new
        var notifications = await app.InDatabase(db => db.Set<Notification>().AsNoTracking().ToListAsync());
        Assert.Equal(5, notifications.Count); // four IROs and the manager's summary
        Assert.All(notifications, n => Assert.True(n.Urgent));
        var outbox = await Outbox(app);
        Assert.Equal(Outstanding.Append("manager@northmoor.example").Order(), outbox.Select(m => m.ToAddress).Order());

        // The server refuses every message: none is lost, each waits to be tried again.
        await Run(app, "notifications.outbox");
        Assert.Equal(5, sink.Refused);
        Assert.Empty(sink.Received);
        outbox = await Outbox(app);
        Assert.All(outbox, m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.Contains("try again later", m.LastError, StringComparison.OrdinalIgnoreCase);
            Assert.True(m.NextAttemptUtc > app.Clock.GetUtcNow().UtcDateTime);
        });
        await Run(app, "notifications.outbox"); // too soon: the backoff holds
        Assert.Empty(sink.Received);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await Run(app, "notifications.outbox");
        await Run(app, "notifications.outbox");
        Assert.Equal(5, sink.Received.Count);
        Assert.Equal(5, sink.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.All(await Outbox(app), m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var toIro2 = sink.Received.Single(m => m.To.Contains("<iro2@northmoor.example>"));
        Assert.Contains("Content-Type: text/html", toIro2.Data);
        Assert.Contains("Content-Type: text/plain", toIro2.Data);
        Assert.Contains("http://localhost:5080/contributions/mine", toIro2.Readable);
        Assert.Contains("Your contribution to the", toIro2.Readable);
        var runs = await app.InDatabase(db => db.Set<JobRun>().AsNoTracking().Where(r => r.JobKey == "notifications.outbox").ToListAsync());
        Assert.All(runs, r => Assert.True(r.Succeeded));
    }

    [Fact]
    public async Task An_IRO_sees_the_reminder_in_the_portal_with_an_unread_count_and_opening_it_goes_to_the_form()
    {
        await using var app = new PortalApp(settings: Quiet());
        await SetDeadline(app, 0);
        await Run(app, RoundRule);

        var iro = await app.SignedInClient("iro2@northmoor.example");
        var home = await iro.GetStringAsync("/staff");
        Assert.Contains("Notifications <span class=\"app-count-badge\">1<span class=\"govuk-visually-hidden\"> unread</span>", home);
        var list = await iro.GetStringAsync("/notifications");
        Assert.Contains("annual report is due today", list);

        var id = Guid.Parse(System.Text.RegularExpressions.Regex.Match(list, "href=\"/notifications/([0-9a-f-]{36})\"").Groups[1].Value);
        var someoneElses = await app.InDatabase(db => db.Set<Notification>().AsNoTracking().FirstAsync(n => n.Id != id));
        Assert.Equal(HttpStatusCode.NotFound, (await iro.GetAsync($"/notifications/{someoneElses.Id}")).StatusCode);
        var opened = await iro.GetAsync($"/notifications/{id}");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/contributions/mine", opened.Headers.Location?.OriginalString);
        Assert.DoesNotContain("app-count-badge", await iro.GetStringAsync("/staff"));
    }

    [Fact]
    public async Task Someone_who_chose_a_digest_gets_non_urgent_reminders_in_one_morning_email()
    {
        await using var app = new PortalApp(settings: Quiet());
        var iro5 = await app.SignedInClient("iro5@northmoor.example");
        var saved = await iro5.PostFormAsync("/notifications/preferences", new() { ["Delivery"] = "digest" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await SetDeadline(app, 3); // three days before: not urgent

        await Run(app, RoundRule);
        var outbox = await Outbox(app);
        Assert.DoesNotContain(outbox, m => m.ToAddress == "iro5@northmoor.example");
        Assert.Contains(outbox, m => m.ToAddress == "iro2@northmoor.example");

        await Run(app, "notifications.digest");
        await Run(app, "notifications.digest");
        var digests = (await Outbox(app)).Where(m => m.ToAddress == "iro5@northmoor.example").ToList();
        var digest = Assert.Single(digests);
        Assert.StartsWith("notifications.digest|", digest.IdempotencyKey);
        Assert.Contains("annual report is due on", digest.TextBody);
    }

    [Fact]
    public async Task The_manager_changes_a_rule_with_errors_shown_by_field_and_a_rule_switched_off_sends_nothing()
    {
        await using var app = new PortalApp(settings: Quiet());
        var manager = await app.SignedInClient("manager@northmoor.example");
        var page = $"/reminders/rules/{RoundRule}";
        var bad = await manager.PostFormAsync(page, new() { ["enabled"] = "true", ["values[days-before]"] = "abc", ["values[repeat-every]"] = "3" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Days before the deadline must be a whole number from 1 to 60", html);
        Assert.Contains("href=\"#value-days-before\"", html);

        var off = await manager.PostFormAsync(page, new() { ["values[days-before]"] = "10", ["values[repeat-every]"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("Switched off", await manager.GetStringAsync("/reminders"));
        await SetDeadline(app, 0);
        await Run(app, RoundRule);
        Assert.Equal(0, await app.InDatabase(db => db.Set<Notification>().CountAsync()));
        var run = await app.InDatabase(db => db.Set<JobRun>().AsNoTracking().SingleAsync(r => r.JobKey == RoundRule));
        Assert.Contains("Switched off", run.Result);
    }

    [Fact]
    public async Task The_board_meeting_sets_the_papers_deadline_in_working_days_and_reminds_board_members_on_the_day()
    {
        await using var app = new PortalApp(settings: Quiet());
        var manager = await app.SignedInClient("manager@northmoor.example");
        var today = UkTime.Today(app.Clock);
        var meeting = today.AddDays(30);
        var response = await manager.PostFormAsync("/reminders/timetable/board-meeting", new()
        {
            ["Board.MeetingDate.Day"] = meeting.Day.ToString(), ["Board.MeetingDate.Month"] = meeting.Month.ToString(), ["Board.MeetingDate.Year"] = meeting.Year.ToString(),
            ["Board.PapersWorkingDaysBefore"] = "10",
        }, "/reminders/timetable");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var papersDue = WorkingDays.EnglandAndWales().Subtract(meeting, 10);
        Assert.Contains(UkTime.Format(papersDue), await manager.GetStringAsync("/reminders/timetable"));

        var missing = await manager.PostFormAsync("/reminders/timetable", new() { ["Milestone.Title"] = "", ["Milestone.RemindDaysBefore"] = "x" }, "/reminders/timetable");
        var errors = await missing.Content.ReadAsStringAsync();
        Assert.Contains("Enter what happens on the day", errors);
        Assert.Contains("Choose who should be reminded", errors);
        Assert.Contains("Days before must be a whole number from 0 to 60", errors);

        app.Clock.Advance(TimeSpan.FromDays(30));
        await Run(app, "notifications.timetable");
        var board = await app.SignedInClient("board1@northmoor.example");
        Assert.Contains("Today: Corporate parenting board meeting", await board.GetStringAsync("/notifications"));
    }

    [Fact]
    public async Task The_administrator_sees_every_job_runs_one_now_and_pauses_another()
    {
        await using var app = new PortalApp(settings: Quiet());
        var admin = await app.SignedInClient("admin@northmoor.example");
        var page = await admin.GetStringAsync("/admin/jobs");
        foreach (var name in new[] { "Contribution deadline", "Quality assurance overdue this week", "Actions from observations and audits", "Feedback not yet given", "Report timetable", "Send the email outbox", "Daily digest" })
            Assert.Contains(name, page);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/jobs/qa.actions-due/run", new(), "/admin/jobs")).StatusCode);
        JobRun? run = null;
        for (var i = 0; i < 50 && run is null; i++)
        {
            await Task.Delay(200);
            run = await app.InDatabase(db => db.Set<JobRun>().AsNoTracking().FirstOrDefaultAsync(r => r.JobKey == "qa.actions-due" && r.FinishedUtc != null));
        }
        Assert.NotNull(run);
        Assert.True(run.Succeeded, run.Result);
        Assert.Contains("due", await admin.GetStringAsync("/admin/jobs/qa.actions-due"));

        await admin.PostFormAsync("/admin/jobs/notifications.digest/pause", new(), "/admin/jobs");
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--grey\">Paused</strong>", await admin.GetStringAsync("/admin/jobs"));
        await admin.PostFormAsync("/admin/jobs/notifications.digest/resume", new(), "/admin/jobs");
        Assert.DoesNotContain("govuk-tag--grey\">Paused", await admin.GetStringAsync("/admin/jobs"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.CraftedPostAsync("/admin/jobs/no-such-job/run", new(), "/admin/jobs")).StatusCode);
    }
}
