using System.Net;
using System.Text.Json;
using Hangfire;
using IroPortal.Modularity.Scheduling;
using IroPortal.Notifications.Models;
using IroPortal.Notifications.Services;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Notifications.Tests;

/// <summary>The scheduler on Hangfire in a real portal (SQLite, Hangfire in memory).</summary>
public sealed class SchedulerTests
{
    private static readonly string[] Jobs =
        ["contributions.round-deadline", "notifications.outbox", "notifications.digest", "notifications.timetable", "qa.weekly-overdue", "qa.actions-due", "qa.feedback-reminder"];

    private static Dictionary<string, string?> Quiet(params (string Key, string Value)[] more)
    {
        var settings = Jobs.ToDictionary(j => $"Scheduler:Schedules:{j}", _ => (string?)CronText.Never);
        settings["Scheduler:PollIntervalSeconds"] = "1";
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    private static IEnumerable<string> Messages(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException) yield return e.Message;
        if (error is AggregateException all) foreach (var inner in all.InnerExceptions) yield return inner.Message;
    }

    [Theory]
    [InlineData("0 30 6 * * ?", "\"30 6 * * *\"")]
    [InlineData("0 0 8 ? * 2", "\"0 8 * * 1\" (Every Monday at 8am, UK time)")]
    [InlineData("0 0 0 1 1 ? 2099", "a Quartz expression with a year")]
    public void A_Quartz_schedule_in_the_settings_stops_start_up_with_the_setting_and_what_to_write(string quartz, string advice)
    {
        using var app = new PortalApp(settings: new Dictionary<string, string?> { ["Scheduler:Schedules:notifications.digest"] = quartz });
        var error = Assert.ThrowsAny<Exception>(() => app.NewClient());
        var message = string.Join(" | ", Messages(error));
        Assert.Contains($"Scheduler:Schedules:notifications.digest is \"{quartz}\"", message);
        Assert.Contains(advice, message);
    }

    [Fact]
    public void A_schedule_that_is_not_cron_stops_start_up_naming_the_job()
    {
        using var app = new PortalApp(settings: new Dictionary<string, string?> { ["Scheduler:Schedules:notifications.digest"] = "every morning" });
        var message = string.Join(" | ", Messages(Assert.ThrowsAny<Exception>(() => app.NewClient())));
        Assert.Contains("Scheduler:Schedules:notifications.digest", message);
        Assert.Contains("\"every morning\"", message);
    }

    [Fact]
    public async Task Each_job_is_a_recurring_job_in_UK_time_on_its_own_schedule()
    {
        await using var app = new PortalApp(settings: Quiet(("Scheduler:Schedules:notifications.digest", "30 6 * * *")));
        app.NewClient();
        var recurring = app.Services.GetRequiredService<ScheduleBook>().Recurring();
        foreach (var job in app.Services.GetRequiredService<JobCatalog>().Jobs)
        {
            Assert.True(recurring.TryGetValue(job.Key, out var entry), $"{job.Key} is not on Hangfire's schedule");
            Assert.Equal("Europe/London", entry.TimeZoneId);
            Assert.Equal(job.Schedule, entry.Cron);
        }
        Assert.Equal("30 6 * * *", recurring["notifications.digest"].Cron);
        Assert.Equal("0/15 * * * *", recurring[IroPortal.Publishing.Services.BoardReminders.PublishedKey].Cron); // the module's own, written the Quartz way
        // And in words wherever a person reads it.
        var manager = await app.SignedInClient("manager@northmoor.example");
        var reminders = await manager.GetStringAsync("/reminders");
        Assert.Contains("Every 15 minutes", reminders);
        Assert.DoesNotContain("0/15", reminders);
        var admin = await app.SignedInClient("admin@northmoor.example");
        var jobs = await admin.GetStringAsync("/admin/jobs");
        Assert.Contains("Every day at 6:30am, UK time", jobs);
        Assert.DoesNotContain("0/15", jobs);
    }

    [Fact]
    public async Task Run_now_shows_how_the_run_went_and_a_paused_job_is_off_the_schedule_until_resumed()
    {
        await using var app = new PortalApp(settings: Quiet());
        var admin = await app.SignedInClient("admin@northmoor.example");
        var run = await admin.PostFormAsync("/admin/jobs/qa.actions-due/run", new(), "/admin/jobs");
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        var location = run.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/jobs/qa.actions-due?run=", location);
        var jobId = location[(location.IndexOf('=') + 1)..];
        var page = await admin.GetStringAsync(location);
        Assert.Contains("You asked for it to run now", page);
        Assert.Contains($"data-outcome-url=\"/admin/jobs/qa.actions-due/runs/{jobId}\"", page);

        JsonElement outcome = default;
        for (var i = 0; i < 100; i++)
        {
            outcome = JsonSerializer.Deserialize<JsonElement>(await admin.GetStringAsync($"/admin/jobs/qa.actions-due/runs/{jobId}"));
            if (outcome.GetProperty("done").GetBoolean()) break;
            await Task.Delay(100);
        }
        Assert.True(outcome.GetProperty("done").GetBoolean());
        Assert.Equal("Succeeded", outcome.GetProperty("status").GetString());
        Assert.Contains("due", outcome.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/jobs/qa.actions-due/runs/no-such-run")).StatusCode);

        var book = app.Services.GetRequiredService<ScheduleBook>();
        await admin.PostFormAsync("/admin/jobs/notifications.digest/pause", new(), "/admin/jobs");
        Assert.False(book.Recurring().ContainsKey("notifications.digest"));
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--grey\">Paused</strong>", await admin.GetStringAsync("/admin/jobs"));
        var paused = await admin.PostFormAsync("/admin/jobs/notifications.digest/run", new(), "/admin/jobs");
        Assert.Equal("/admin/jobs", paused.Headers.Location!.OriginalString);
        Assert.Contains("Daily digest is paused. Resume it to run it.", await admin.GetStringAsync("/admin/jobs"));
        await admin.PostFormAsync("/admin/jobs/notifications.digest/resume", new(), "/admin/jobs");
        Assert.True(book.Recurring().ContainsKey("notifications.digest"));
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_back_off_shows_as_failed_and_does_not_stop_the_others()
    {
        await using var portal = new PortalApp(settings: Quiet());
        using var app = portal.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.AddScheduledWork<AlwaysFails>("test.fails", "A job that fails", "Fails every time.", CronText.Never)));
        var book = app.Services.GetRequiredService<ScheduleBook>();
        var failing = book.Trigger("test.fails");
        var working = book.Trigger("qa.actions-due");
        var storage = app.Services.GetRequiredService<JobStorage>();

        string? State(string id) => storage.GetMonitoringApi().JobDetails(id)?.History.FirstOrDefault()?.StateName;
        for (var i = 0; i < 100 && (State(failing) != "Scheduled" || State(working) != "Succeeded"); i++) await Task.Delay(100);
        // Hangfire put the failed run back on the schedule for a later try, and ran the other job as usual.
        Assert.Equal("Scheduled", State(failing));
        Assert.Contains("Retry attempt 1 of 4", storage.GetMonitoringApi().JobDetails(failing).History.First().Reason);
        Assert.Equal("Succeeded", State(working));

        using var scope = app.Services.CreateScope();
        var runs = await scope.ServiceProvider.GetRequiredService<IroPortal.Data.PortalDbContext>().Set<JobRun>().AsNoTracking().Where(r => r.JobKey == "test.fails").ToListAsync();
        var run = Assert.Single(runs);
        Assert.False(run.Succeeded);
        Assert.Equal("The mail server's database is on fire.", run.Result);
        Assert.Equal(failing, run.JobId);
    }

    [Fact]
    public async Task Hangfire_s_dashboard_is_for_administrators_and_its_commands_need_the_portal_s_antiforgery_token()
    {
        await using var app = new PortalApp(settings: Quiet());
        var admin = await app.SignedInClient("admin@northmoor.example");
        var response = await admin.GetAsync("/admin/jobs/hangfire/recurring");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("qa.actions-due", page);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains("script-src 'self';", policy);

        HttpRequestMessage Trigger(string? token)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/admin/jobs/hangfire/recurring/trigger")
            {
                Content = new FormUrlEncodedContent([new("jobs[]", "qa.actions-due")]),
            };
            if (token is not null) request.Headers.Add("RequestVerificationToken", token);
            return request;
        }
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"csrf-token\" content=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(Trigger(null))).StatusCode); // a forged cross-site post
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(Trigger(token))).StatusCode);

        var manager = await app.SignedInClient("manager@northmoor.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/admin/jobs/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.SendAsync(Trigger(token))).StatusCode);
        var visitor = await app.NewClient().GetAsync("/admin/jobs/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.Contains("/account/sign-in", visitor.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Two_nodes_started_at_the_same_moment_on_an_empty_database_both_start_and_share_one_schedule()
    {
        var database = PostgresServer.Instance.CreateDatabase();
        var settings = new Dictionary<string, string?> { ["Database:ConnectionString"] = database };
        await using var first = new PortalApp(IroPortal.Data.DatabaseProvider.PostgreSQL, settings);
        await using var second = new PortalApp(IroPortal.Data.DatabaseProvider.PostgreSQL, settings);
        // Migrations, Hangfire's schema, the seeders and the schedule, at once on both.
        await Task.WhenAll(Task.Run(first.NewClient), Task.Run(second.NewClient));
        foreach (var node in new[] { first, second })
            Assert.Equal(HttpStatusCode.OK, (await node.NewClient().GetAsync("/health")).StatusCode);
        var jobs = first.Services.GetRequiredService<JobCatalog>().Jobs.Select(j => j.Key).Order().ToList();
        Assert.Equal(jobs, first.Services.GetRequiredService<ScheduleBook>().Recurring().Keys.Order());
        Assert.Equal(jobs, second.Services.GetRequiredService<ScheduleBook>().Recurring().Keys.Order());
    }

    private sealed class AlwaysFails : IScheduledWork
    {
        public Task<string> RunAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("The mail server's database is on fire.");
    }
}
