using IroPortal.Data;
using IroPortal.Modularity.Scheduling;
using IroPortal.Notifications.Data.Migrations;
using IroPortal.Notifications.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace IroPortal.Notifications.Services;

/// <summary>This node's name in the cluster and on the outbox claims: Scheduler:NodeName, or machine and process.</summary>
public sealed record NodeIdentity(string Name);

/// <summary>The "Scheduler" section of configuration.</summary>
public sealed class SchedulerOptions
{
    public string? NodeName { get; set; }
    /// <summary>How often each node tells the others it is alive; a node silent for longer is taken to be dead
    /// and its jobs are recovered by the others.</summary>
    public double CheckinIntervalSeconds { get; set; } = 7.5;
    /// <summary>Cron expressions (UK time) that replace a job's own, by job key: for an engineer, or a test.</summary>
    public Dictionary<string, string> Schedules { get; set; } = [];
}

/// <summary>One job the scheduler runs: a module's reminder rule, or scheduled work.</summary>
public sealed record JobDefinition(string Key, string Name, string Description, string Schedule, string Kind);

/// <summary>Every job, from the modules' rules and scheduled work, with any schedule configuration replaces.</summary>
public sealed class JobCatalog
{
    public const string Group = "portal";
    private readonly IServiceScopeFactory _scopes;
    private readonly IReadOnlyList<ScheduledWork> _work;
    private readonly SchedulerOptions _options;
    private readonly Lazy<IReadOnlyList<JobDefinition>> _jobs;

    public JobCatalog(IServiceScopeFactory scopes, IEnumerable<ScheduledWork> work, SchedulerOptions options)
    {
        _scopes = scopes;
        _work = [.. work];
        _options = options;
        _jobs = new(Build);
    }

    public IReadOnlyList<JobDefinition> Jobs => _jobs.Value;

    public JobDefinition? Find(string key) => Jobs.FirstOrDefault(j => j.Key == key);

    public static JobKey JobKeyOf(string key) => new(key, Group);
    public static TriggerKey TriggerKeyOf(string key) => new(key, Group);

    private List<JobDefinition> Build()
    {
        using var scope = _scopes.CreateScope();
        var rules = scope.ServiceProvider.GetServices<IReminderRule>()
            .Select(r => new JobDefinition(r.Key, r.Name, r.Description, r.Schedule, "Reminder"));
        var work = _work.Select(w => new JobDefinition(w.Key, w.Name, w.Description, w.Schedule, "Work"));
        return [.. rules.Concat(work).Select(j => _options.Schedules.TryGetValue(j.Key, out var cron) ? j with { Schedule = cron } : j)];
    }
}

/// <summary>Runs a job by key in a scope of its own and records the run for the administrators' page.</summary>
public sealed class JobRunner(IServiceScopeFactory scopes, JobCatalog catalog, ScheduledWorkTypes workTypes, NodeIdentity node, TimeProvider clock, ILogger<JobRunner> log)
{
    public async Task RunAsync(string key, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var run = new JobRun { Id = Guid.NewGuid(), JobKey = key, Node = node.Name, StartedUtc = clock.GetUtcNow().UtcDateTime };
        db.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            run.Result = catalog.Find(key)?.Kind switch
            {
                "Reminder" => await services.GetRequiredService<ReminderRunner>()
                    .RunAsync(services.GetServices<IReminderRule>().Single(r => r.Key == key), cancellationToken),
                "Work" => await ((IScheduledWork)services.GetRequiredService(workTypes[key])).RunAsync(cancellationToken),
                _ => "This job is no longer part of the portal.",
            };
            run.Succeeded = true;
        }
        catch (Exception error)
        {
            log.LogError(error, "Scheduled job {Job} failed on {Node}", key, node.Name);
            run.Result = error.Message.Length > 2000 ? error.Message[..2000] : error.Message;
            db.ChangeTracker.Clear();
            db.Attach(run);
        }
        run.FinishedUtc = clock.GetUtcNow().UtcDateTime;
        db.Entry(run).State = EntityState.Modified;
        await db.SaveChangesAsync(CancellationToken.None);
    }
}

/// <summary>The scheduled work's service types by job key.</summary>
public sealed class ScheduledWorkTypes(IEnumerable<ScheduledWork> work)
{
    private readonly Dictionary<string, Type> _types = work.ToDictionary(w => w.Key, w => w.WorkType);
    public Type this[string key] => _types[key];
}

/// <summary>The one Quartz job class: every portal job runs through it. One run at a time per job, across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class PortalJob(JobRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await runner.RunAsync(context.JobDetail.Key.Name, cancellationToken);
}

/// <summary>
/// At start-up, puts every job in the catalog on the schedule: added when missing, its trigger replaced when
/// its cron expression changed, left alone otherwise (so a restart does not move anything's next run).
/// Jobs of modules that were switched off are removed. Several nodes starting at once agree: the store is shared.
/// </summary>
public sealed class JobRegistrar(ISchedulerFactory factory, JobCatalog catalog, ILogger<JobRegistrar> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        foreach (var job in catalog.Jobs)
        {
            var existing = await scheduler.GetTrigger(JobCatalog.TriggerKeyOf(job.Key), cancellationToken) as ICronTrigger;
            if (existing?.CronExpressionString == job.Schedule) continue;
            var detail = JobBuilder.Create<PortalJob>().WithIdentity(JobCatalog.JobKeyOf(job.Key)).WithDescription(job.Name).StoreDurably(true).Build();
            var trigger = TriggerBuilder.Create(scheduler.TimeProvider).WithIdentity(JobCatalog.TriggerKeyOf(job.Key)).ForJob(detail)
                .WithSchedule(CronScheduleBuilder.Create(job.Schedule).InTimeZone(Modularity.UkTime.Zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            try
            {
                await scheduler.ScheduleJob(detail, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
                log.LogInformation("Scheduled {Job} at \"{Cron}\"", job.Key, job.Schedule);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another node scheduled it at the same moment.
            }
        }
        var known = catalog.Jobs.Select(j => j.Key).ToHashSet();
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(JobCatalog.Group), cancellationToken))
            if (!known.Contains(key.Name))
                await scheduler.DeleteJob(key, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>"Run now" for other modules: a one-off firing of the job's own trigger, clustered like any other.</summary>
public sealed class JobTrigger(ISchedulerFactory schedulers, JobCatalog catalog) : IJobTrigger
{
    public async Task RunSoonAsync(string key, CancellationToken cancellationToken = default)
    {
        if (catalog.Find(key) is null) return;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // Before the registrar has added the jobs (at start-up, while seeding) the rule's own schedule will do.
        if (!await scheduler.Exists(JobCatalog.JobKeyOf(key), cancellationToken)) return;
        await scheduler.TriggerJob(JobCatalog.JobKeyOf(key), new JobDataMap(), cancellationToken);
    }
}

public static class SchedulerServices
{
    /// <summary>Quartz with its hosted service. On PostgreSQL the persistent store, clustered: several nodes share
    /// the schedule and each firing runs on one of them. On SQLite (one node) the schedule is kept in memory and
    /// rebuilt from the catalog at every start; what was due while the portal was down is caught up by the
    /// rules themselves, which list everything due rather than only what is new.</summary>
    public static void AddPortalScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Scheduler").Get<SchedulerOptions>() ?? new SchedulerOptions();
        var node = new NodeIdentity(string.IsNullOrWhiteSpace(options.NodeName) ? $"{Environment.MachineName}-{Environment.ProcessId}" : options.NodeName);
        var database = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddSingleton(node);
        services.AddSingleton<JobCatalog>();
        services.AddSingleton<ScheduledWorkTypes>();
        services.AddSingleton<JobRunner>();
        services.AddTransient<PortalJob>();
        services.AddSingleton<IJobTrigger, JobTrigger>();

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s =>
            {
                s.InstanceName = "IroPortal";
                s.InstanceId = node.Name;
            });
            if (database.Provider == DatabaseProvider.PostgreSQL)
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(database.ConnectionString!);
                    store.UseSystemTextJsonSerializer();
                    store.ConfigureStore(s => s.TablePrefix = NotificationsQuartzStore.TablePrefix);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(options.CheckinIntervalSeconds);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(options.CheckinIntervalSeconds * 2);
                    });
                });
            else
                quartz.UseInMemoryStore();
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<JobRegistrar>();
    }
}
