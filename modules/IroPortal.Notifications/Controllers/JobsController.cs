using IroPortal.Data;
using IroPortal.Modularity.Permissions;
using IroPortal.Notifications.Models;
using IroPortal.Notifications.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace IroPortal.Notifications.Controllers;

/// <summary>The administrators' and the engineer on call's view of the scheduler and the email outbox.</summary>
[Area("Notifications")]
[RequirePermission(NotificationPermissions.ManageJobs)]
public sealed class JobsController(ISchedulerFactory schedulers, JobCatalog catalog, PortalDbContext db, Outbox outbox, TimeProvider clock) : Controller
{
    [HttpGet("/admin/jobs")]
    public async Task<IActionResult> Index()
    {
        var scheduler = await schedulers.GetScheduler();
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-7);
        var runs = await db.Set<JobRun>().AsNoTracking().Where(r => r.StartedUtc >= since).ToListAsync();
        var rows = new List<JobRow>();
        foreach (var job in catalog.Jobs)
        {
            var triggerKey = JobCatalog.TriggerKeyOf(job.Key);
            var trigger = await scheduler.GetTrigger(triggerKey);
            var state = trigger is null ? TriggerState.None : await scheduler.GetTriggerState(triggerKey);
            // One indexed query a job: the last run may be older than the week.
            var lastRun = await db.Set<JobRun>().AsNoTracking().Where(r => r.JobKey == job.Key).OrderByDescending(r => r.StartedUtc).FirstOrDefaultAsync();
            rows.Add(new JobRow(job, state, trigger?.NextFireTimeUtc?.UtcDateTime, trigger?.PreviousFireTimeUtc?.UtcDateTime,
                lastRun, runs.Count(r => r.JobKey == job.Key && r.FinishedUtc != null && !r.Succeeded)));
        }
        var metadata = await scheduler.GetMetadata();
        var nodes = metadata.JobStoreClustered ? await scheduler.QueryClusterNodes() : [];
        var outboxRows = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed || (m.Status == OutboxStatus.Pending && m.Attempts > 0))
            .OrderByDescending(m => m.CreatedUtc).Take(50).ToListAsync();
        var counts = await db.Set<OutboxMessage>().AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return View(new JobsPage(rows, metadata.JobStorePersistent, nodes, scheduler.SchedulerInstanceId, outboxRows,
            counts.ToDictionary(c => c.Key, c => c.Count)));
    }

    [HttpGet("/admin/jobs/{key}")]
    public async Task<IActionResult> Details(string key)
    {
        if (catalog.Find(key) is not { } job) return NotFound();
        var runs = await db.Set<JobRun>().AsNoTracking().Where(r => r.JobKey == key).OrderByDescending(r => r.StartedUtc).Take(50).ToListAsync();
        return View(new JobDetailsPage(job, runs));
    }

    [HttpPost("/admin/jobs/{key}/run")]
    public async Task<IActionResult> RunNow(string key)
    {
        if (catalog.Find(key) is not { } job) return NotFound();
        var scheduler = await schedulers.GetScheduler();
        await scheduler.TriggerJob(JobCatalog.JobKeyOf(key), new JobDataMap());
        TempData["Saved"] = $"{job.Name} will run in a moment. Refresh this page to see how it went.";
        return Redirect("/admin/jobs");
    }

    [HttpPost("/admin/jobs/{key}/pause")]
    public async Task<IActionResult> Pause(string key)
    {
        if (catalog.Find(key) is not { } job) return NotFound();
        await (await schedulers.GetScheduler()).PauseJob(JobCatalog.JobKeyOf(key));
        TempData["Saved"] = $"{job.Name} is paused on every node. It will not run until you resume it.";
        return Redirect("/admin/jobs");
    }

    [HttpPost("/admin/jobs/{key}/resume")]
    public async Task<IActionResult> Resume(string key)
    {
        if (catalog.Find(key) is not { } job) return NotFound();
        await (await schedulers.GetScheduler()).ResumeJob(JobCatalog.JobKeyOf(key));
        TempData["Saved"] = $"{job.Name} is running on its schedule again.";
        return Redirect("/admin/jobs");
    }

    [HttpPost("/admin/outbox/{id:guid}/retry")]
    public async Task<IActionResult> Retry(Guid id)
    {
        if (!await outbox.RetryAsync(id)) return NotFound();
        TempData["Saved"] = "The email will be tried again the next time the outbox is sent.";
        return Redirect("/admin/jobs");
    }
}

public sealed record JobRow(JobDefinition Job, TriggerState State, DateTime? NextUtc, DateTime? PreviousUtc, JobRun? LastRun, int FailuresThisWeek);
public sealed record JobsPage(IReadOnlyList<JobRow> Jobs, bool Persistent, IReadOnlyList<ClusterNode> Nodes, string ThisNode,
    IReadOnlyList<OutboxMessage> Problems, IReadOnlyDictionary<OutboxStatus, int> OutboxCounts);
public sealed record JobDetailsPage(JobDefinition Job, IReadOnlyList<JobRun> Runs);
