using Hangfire;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Notifications.Contracts;
using IroPortal.Notifications.Models;
using IroPortal.Notifications.Services;
using IroPortal.Notifications.ViewModels;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Notifications.Controllers;

/// <summary>The administrators' and the engineer on call's view of the scheduler and the email outbox: what
/// Hangfire's dashboard does not say (each job in the manager's words, what its runs did, what became of a run
/// whose node stopped, the outbox).</summary>
[Area("Notifications")]
[RequirePermission(NotificationPermissions.ManageJobs)]
public sealed class JobsController(ScheduleBook book, JobStorage storage, JobCatalog catalog, SchedulerOptions options, NodeIdentity node,
    PortalDbContext db, Outbox outbox, TimeProvider clock) : Controller
{
    [HttpGet("/admin/jobs", Name = NotificationRoutes.Jobs)]
    public async Task<IActionResult> Index()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-7);
        var runs = await db.Set<JobRun>().AsNoTracking().Where(r => r.StartedUtc >= since).ToListAsync();
        var recurring = book.Recurring();
        var paused = await book.PausedAsync();
        var rows = new List<JobRow>();
        foreach (var job in catalog.Jobs)
        {
            // One indexed query a job: the last run may be older than the week.
            var lastRun = await db.Set<JobRun>().AsNoTracking().Where(r => r.JobKey == job.Key).OrderByDescending(r => r.StartedUtc).FirstOrDefaultAsync();
            var scheduled = recurring.GetValueOrDefault(job.Key);
            rows.Add(new JobRow(job, paused.Contains(job.Key), scheduled?.NextExecution, lastRun,
                runs.Count(r => r.JobKey == job.Key && r.FinishedUtc != null && !r.Succeeded), scheduled?.Error));
        }
        var nodes = NodesNow();
        var outboxRows = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed || (m.Status == OutboxStatus.Pending && m.Attempts > 0))
            .OrderByDescending(m => m.CreatedUtc).Take(50).ToListAsync();
        var counts = await db.Set<OutboxMessage>().AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return View(new JobsPage(rows, storage is not Hangfire.InMemory.InMemoryStorage, nodes, node.Name, options.TakeOverAfterSeconds,
            Abandoned(runs, nodes, now), outboxRows, counts.ToDictionary(c => c.Key, c => c.Count)));
    }

    [HttpGet("/admin/jobs/{key}", Name = NotificationRoutes.JobsDetails)]
    public async Task<IActionResult> Details(string key, string? run)
    {
        if (catalog.Find(key) is not { } job) return NotFound();
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-60);
        var runs = await db.Set<JobRun>().AsNoTracking().Where(r => r.JobKey == key && r.StartedUtc >= since).OrderByDescending(r => r.StartedUtc).Take(50).ToListAsync();
        var abandoned = Abandoned(runs, NodesNow(), clock.GetUtcNow().UtcDateTime).ToDictionary(a => a.Run.Id);
        return View(new JobDetailsPage(job, runs, abandoned, run is null ? null : await OutcomeOf(key, run)));
    }

    /// <summary>How a firing went, for the page that started it: the page asks until it is done.</summary>
    [HttpGet("/admin/jobs/{key}/runs/{run}", Name = NotificationRoutes.JobsOutcome)]
    public async Task<IActionResult> Outcome(string key, string run)
    {
        if (catalog.Find(key) is null) return NotFound();
        var outcome = await OutcomeOf(key, run);
        return outcome is null ? NotFound() : Json(outcome);
    }

    [HttpPost("/admin/jobs/{key}/run", Name = NotificationRoutes.JobsRunNow), AuditsChange("Job run by hand")]
    public IActionResult RunNow(string key)
    {
        if (catalog.Find(key) is not { } job) return NotFound();
        if (!book.Recurring().ContainsKey(key))
        {
            TempData.Saved = $"{job.Name} is paused. Resume it to run it.";
            return RedirectToRoute(NotificationRoutes.Jobs);
        }
        return RedirectToRoute(NotificationRoutes.JobsDetails, new { key, run = book.Trigger(key) });
    }

    [HttpPost("/admin/jobs/{key}/pause", Name = NotificationRoutes.JobsPause), AuditsChange("Job paused")]
    public async Task<IActionResult> Pause(string key)
    {
        if (catalog.Find(key) is not { } job) return NotFound();
        await book.SetPausedAsync(job, true, User.DisplayName());
        TempData.Saved = $"{job.Name} is paused on every node. It will not run until you resume it.";
        return RedirectToRoute(NotificationRoutes.Jobs);
    }

    [HttpPost("/admin/jobs/{key}/resume", Name = NotificationRoutes.JobsResume), AuditsChange("Job resumed")]
    public async Task<IActionResult> Resume(string key)
    {
        if (catalog.Find(key) is not { } job) return NotFound();
        await book.SetPausedAsync(job, false, User.DisplayName());
        TempData.Saved = $"{job.Name} is running on its schedule again.";
        return RedirectToRoute(NotificationRoutes.Jobs);
    }

    [HttpPost("/admin/outbox/{id:guid}/retry", Name = NotificationRoutes.JobsRetry), AuditsChange("Email sent again")]
    public async Task<IActionResult> Retry(Guid id)
    {
        if (!await outbox.RetryAsync(id)) return NotFound();
        TempData.Saved = "The email will be tried again the next time the outbox is sent.";
        return RedirectToRoute(NotificationRoutes.Jobs);
    }

    private async Task<RunOutcome?> OutcomeOf(string key, string jobId)
    {
        var runs = await db.Set<JobRun>().AsNoTracking().Where(r => r.JobKey == key && r.JobId == jobId).OrderByDescending(r => r.StartedUtc).ToListAsync();
        var state = storage.GetMonitoringApi().JobDetails(jobId)?.History.FirstOrDefault()?.StateName;
        if (state is null && runs.Count == 0) return null;
        var last = runs.FirstOrDefault();
        if (last is { FinishedUtc: not null, Succeeded: true })
            return new RunOutcome(true, "Succeeded", $"It ran on {last.Node} at {UkTime.Format(last.StartedUtc)}: {last.Result}");
        if (state == "Failed")
            return new RunOutcome(true, "Failed", $"It failed, and will not be tried again on its own: {last?.Result}");
        if (last is { FinishedUtc: not null })
            return new RunOutcome(false, "Failed, to be tried again", $"It failed on {last.Node}: {last.Result} It will be tried again in a moment.");
        if (last is not null)
            return new RunOutcome(false, "Running", $"It is running on {last.Node}, since {UkTime.Format(last.StartedUtc)}.");
        return new RunOutcome(false, "Waiting", "It is waiting for a node to take it.");
    }

    /// <summary>The servers that have told the database they are alive, by node.</summary>
    private IReadOnlyList<NodeRow> NodesNow() =>
        [.. storage.GetMonitoringApi().Servers()
            .GroupBy(s => NodeOf(s.Name), StringComparer.OrdinalIgnoreCase)
            .Select(g => new NodeRow(g.Key, g.Max(s => s.Heartbeat), g.Sum(s => s.WorkersCount), g.Key.Equals(node.Name, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(n => n.Name)];

    /// <summary>Hangfire names a server "{name}:{process}:{guid}", in lower case; ours are "{node}:{queue}".</summary>
    private static string NodeOf(string serverId) => serverId.Split(':') is { Length: > 3 } parts ? string.Join(':', parts[..^3]) : serverId;

    /// <summary>Runs that never finished because their node stopped: a later run of the same firing (a node that took
    /// it over), or a node that is no longer alive.</summary>
    private IReadOnlyList<AbandonedRun> Abandoned(IReadOnlyList<JobRun> runs, IReadOnlyList<NodeRow> nodes, DateTime now)
    {
        var grace = now.AddSeconds(-options.TakeOverAfterSeconds);
        return [.. runs.Where(r => r.FinishedUtc is null)
            .Select(r => (Run: r, Retry: runs.Where(o => o.JobId != null && o.JobId == r.JobId && o.StartedUtc > r.StartedUtc).MinBy(o => o.StartedUtc)))
            .Where(x => x.Retry is not null || (x.Run.StartedUtc < grace && !nodes.Any(n => n.Name.Equals(x.Run.Node, StringComparison.OrdinalIgnoreCase))))
            .Select(x => new AbandonedRun(x.Run, x.Retry))
            .OrderByDescending(a => a.Run.StartedUtc)];
    }
}
