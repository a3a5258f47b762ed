using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using IroPortal.Data;
using IroPortal.Modularity.Scheduling;
using IroPortal.Notifications.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IroPortal.Notifications.Services;

/// <summary>This node's name in the cluster and on the outbox claims: Scheduler:NodeName, or machine and process.</summary>
public sealed record NodeIdentity(string Name);

/// <summary>The "Scheduler" section of configuration.</summary>
public sealed class SchedulerOptions
{
    public string? NodeName { get; set; }
    /// <summary>How long a job taken by a node that then stops waits before another node takes it over. A live node
    /// keeps telling the database it is still working (every fifth of this time), so a long job is never taken twice.</summary>
    public int TakeOverAfterSeconds { get; set; } = 120;
    /// <summary>How often each node looks for jobs that are due and for work waiting in the queue.</summary>
    public double PollIntervalSeconds { get; set; } = 5;
    /// <summary>Jobs one node runs at the same time (reminder rules and scheduled work).</summary>
    public int WorkerCount { get; set; } = 4;
    /// <summary>Cron expressions (UK time, as Hangfire reads them) that replace a job's own, by job key.</summary>
    public Dictionary<string, string> Schedules { get; set; } = [];
}

/// <summary>A setting the scheduler cannot start with; start-up stops with its message.</summary>
public sealed class SchedulerSettingsException(string message) : Exception(message);

/// <summary>One job the scheduler runs: a module's reminder rule, or scheduled work.</summary>
/// <param name="Schedule">A Hangfire cron expression, UK time.</param>
public sealed record JobDefinition(string Key, string Name, string Description, string Schedule, string Kind);

/// <summary>Every job, from the modules' rules and scheduled work, with any schedule configuration replaces.</summary>
public sealed class JobCatalog
{
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

    private List<JobDefinition> Build()
    {
        using var scope = _scopes.CreateScope();
        var rules = scope.ServiceProvider.GetServices<IReminderRule>()
            .Select(r => new JobDefinition(r.Key, r.Name, r.Description, r.Schedule, "Reminder"));
        var work = _work.Select(w => new JobDefinition(w.Key, w.Name, w.Description, w.Schedule, "Work"));
        return [.. rules.Concat(work).Select(j => j with { Schedule = ScheduleOf(j) })];
    }

    /// <summary>A module's own schedule may still be written the Quartz way (modules need not change);
    /// a setting must be Hangfire's, because a Quartz weekday number means another day to cron.</summary>
    private string ScheduleOf(JobDefinition job)
    {
        if (_options.Schedules.TryGetValue(job.Key, out var configured))
        {
            var setting = $"Scheduler:Schedules:{job.Key}";
            if (string.IsNullOrWhiteSpace(configured))
                throw new SchedulerSettingsException($"{setting} is empty. Give a cron expression such as \"0 8 * * *\" (8am every day, UK time), or remove the setting.");
            if (CronText.IsQuartz(configured))
                throw new SchedulerSettingsException(CronText.FromQuartz(configured) is { } equivalent
                    ? $"{setting} is \"{configured}\", a Quartz expression from before the scheduler moved to Hangfire. Write it as \"{equivalent}\" ({CronText.Describe(equivalent)})."
                    : $"{setting} is \"{configured}\", a Quartz expression with a year, which Hangfire's cron cannot say. Write five fields: minute hour day month weekday.");
            return configured.Trim();
        }
        return CronText.IsQuartz(job.Schedule)
            ? CronText.FromQuartz(job.Schedule) ?? throw new SchedulerSettingsException($"The job {job.Key} has the schedule \"{job.Schedule}\", which cron cannot say.")
            : job.Schedule;
    }
}

/// <summary>Runs a job by key in a scope of its own and records the run for the administrators' page.</summary>
public sealed class JobRunner(IServiceScopeFactory scopes, JobCatalog catalog, ScheduledWorkTypes workTypes, NodeIdentity node, TimeProvider clock, ILogger<JobRunner> log)
{
    /// <param name="jobId">Hangfire's id for this firing: a run taken over from a stopped node has the same one.</param>
    /// <param name="work">What to run in place of the job's own work (an outbox sender's batch), in the job's name.</param>
    public async Task<string> RunAsync(string key, CancellationToken cancellationToken, string? jobId = null, Func<IServiceProvider, Task<string>>? work = null)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var run = new JobRun { Id = Guid.NewGuid(), JobKey = key, JobId = jobId, Node = node.Name, StartedUtc = clock.GetUtcNow().UtcDateTime };
        db.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        Exception? failure = null;
        try
        {
            run.Result = work is not null ? await work(services) : catalog.Find(key)?.Kind switch
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
            failure = error;
            if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
                run.Result = "Stopped as its node shut down; Hangfire runs it again on another node, or on this one when it starts.";
            else
            {
                log.LogError(error, "Scheduled job {Job} failed on {Node}", key, node.Name);
                run.Result = error.Message.Length > 2000 ? error.Message[..2000] : error.Message;
            }
            db.ChangeTracker.Clear();
            db.Attach(run);
        }
        run.FinishedUtc = clock.GetUtcNow().UtcDateTime;
        db.Entry(run).State = EntityState.Modified;
        await db.SaveChangesAsync(CancellationToken.None);
        // Hangfire retries a job that throws, with back-off, and shows it as failed when the tries run out.
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return run.Result;
    }
}

/// <summary>The scheduled work's service types by job key.</summary>
public sealed class ScheduledWorkTypes(IEnumerable<ScheduledWork> work)
{
    private readonly Dictionary<string, Type> _types = work.ToDictionary(w => w.Key, w => w.WorkType);
    public Type this[string key] => _types[key];
}

/// <summary>The one Hangfire job class: every portal job runs through it, by key.</summary>
public sealed class PortalJob(JobRunner runner)
{
    public const string Queue = "default";

    /// <summary>Four more tries, Hangfire's back-off between them (about a minute, then longer), then failed.</summary>
    [AutomaticRetry(Attempts = 4)]
    [JobDisplayName("{0}")]
    public Task RunAsync(string key, PerformContext? context, CancellationToken cancellationToken) =>
        runner.RunAsync(key, cancellationToken, context?.BackgroundJob.Id);

    /// <summary>A batch of the outbox's backlog, on the outbox queue (shown under the outbox's job).</summary>
    [AutomaticRetry(Attempts = 0)] // the next scheduled run takes over whatever a failed sender left
    [JobDisplayName("notifications.outbox: a sender's batch")]
    public Task SendOutboxAsync(PerformContext? context, CancellationToken cancellationToken) =>
        runner.RunAsync(Outbox.Key, cancellationToken, context?.BackgroundJob.Id, s => s.GetRequiredService<Outbox>().SendBatchAsync(cancellationToken));

    public static Job For(string key) => Job.FromExpression<PortalJob>(j => j.RunAsync(key, null, CancellationToken.None), Queue);

    public static Job OutboxSender() => Job.FromExpression<PortalJob>(j => j.SendOutboxAsync(null, CancellationToken.None), Outbox.Queue);
}

/// <summary>
/// At start-up, puts every job in the catalog on the schedule as a recurring job in UK time (Hangfire keeps a
/// job's next run when its expression has not changed); a paused job is left off it. Jobs of modules that were
/// switched off are removed. Several nodes starting at once agree: the schedule is one shared set.
/// </summary>
public sealed class JobRegistrar(ScheduleBook book, JobCatalog catalog, ILogger<JobRegistrar> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var pausedKeys = await book.PausedAsync(cancellationToken);
        foreach (var job in catalog.Jobs)
        {
            var paused = pausedKeys.Contains(job.Key);
            book.Put(job, paused);
            log.LogInformation("{Job}: {Schedule}{Paused}", job.Key, CronText.Describe(job.Schedule), paused ? " (paused)" : "");
        }
        book.RemoveAllExcept(catalog.Jobs.Select(j => j.Key).ToHashSet());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The schedule in Hangfire's storage, and the portal's own record of which jobs an administrator paused
/// (Hangfire has no pause: a paused job is taken off the schedule and put back on resuming).</summary>
public sealed class ScheduleBook(JobStorage storage, IRecurringJobManagerV2 recurring, IServiceScopeFactory scopes, TimeProvider clock)
{
    public void Put(JobDefinition job, bool paused)
    {
        if (paused) { recurring.RemoveIfExists(job.Key); return; }
        try
        {
            recurring.AddOrUpdate(job.Key, PortalJob.For(job.Key), job.Schedule, new RecurringJobOptions { TimeZone = Modularity.UkTime.Zone });
        }
        catch (ArgumentException error)
        {
            throw new SchedulerSettingsException($"The schedule of {job.Key}, \"{job.Schedule}\" (Scheduler:Schedules:{job.Key}, where that is set), " +
                $"is not a cron expression Hangfire reads: {error.Message} Write five fields: minute hour day month weekday, for example \"0 8 * * *\".");
        }
    }

    public void RemoveAllExcept(IReadOnlySet<string> keys)
    {
        using var connection = storage.GetConnection();
        foreach (var id in connection.GetRecurringJobs().Select(j => j.Id).Where(id => !keys.Contains(id)))
            recurring.RemoveIfExists(id);
    }

    /// <returns>Hangfire's id for the firing, to follow it until it is done.</returns>
    public string Trigger(string key) => recurring.TriggerJob(key) ?? throw new InvalidOperationException($"{key} is not on the schedule.");

    public IReadOnlyDictionary<string, RecurringJobDto> Recurring()
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().ToDictionary(j => j.Id);
    }

    public async Task<IReadOnlySet<string>> PausedAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<PausedJob>().Select(p => p.JobKey).ToListAsync(cancellationToken)).ToHashSet();
    }

    public async Task SetPausedAsync(JobDefinition job, bool paused, string by, CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var row = await db.Set<PausedJob>().SingleOrDefaultAsync(p => p.JobKey == job.Key, cancellationToken);
        if (paused && row is null) db.Add(new PausedJob { JobKey = job.Key, PausedBy = by, PausedUtc = clock.GetUtcNow().UtcDateTime });
        if (!paused && row is not null) db.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        Put(job, paused);
    }
}

/// <summary>"Run now" for other modules: a firing of the job's recurring job, on whichever node takes it.</summary>
public sealed class JobTrigger(ScheduleBook book, JobCatalog catalog) : IJobTrigger
{
    public Task RunSoonAsync(string key, CancellationToken cancellationToken = default)
    {
        // Before the registrar has added the jobs (at start-up, while seeding), or while paused, the schedule will do.
        if (catalog.Find(key) is not null && book.Recurring().ContainsKey(key)) book.Trigger(key);
        return Task.CompletedTask;
    }
}

/// <summary>Hangfire's schema on PostgreSQL, installed or upgraded by one node at a time: two nodes starting
/// together on an empty database would otherwise both run the install script, and one would fail.</summary>
public static class HangfireSchema
{
    public const string Name = "notifications_hangfire";

    public static void Install(string connectionString)
    {
        using var turn = AdvisoryLock.Take(connectionString, AdvisoryLock.HangfireSchema);
        PostgreSqlObjectsInstaller.Install(turn.Connection, Name);
    }
}

public static class SchedulerServices
{
    /// <summary>Hangfire, each host with its own storage and servers (nothing in Hangfire's static configuration, so
    /// several portals in one process stay apart). On PostgreSQL the storage is shared by every node: each firing
    /// runs on one node, and a node that stops mid-job has it taken over. On SQLite (one node) the schedule is kept
    /// in memory and rebuilt from the catalog at every start; what was due while the portal was down is caught up
    /// by the rules themselves, which list everything due rather than only what is new.</summary>
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
        services.AddSingleton<ScheduleBook>();
        services.AddSingleton<IJobTrigger, JobTrigger>();

        services.AddSingleton<JobStorage>(_ =>
        {
            if (database.Provider != DatabaseProvider.PostgreSQL) return new InMemoryStorage();
            HangfireSchema.Install(database.ConnectionString!);
            var storageOptions = new PostgreSqlStorageOptions
            {
                SchemaName = HangfireSchema.Name,
                PrepareSchemaIfNecessary = false,
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromSeconds(options.TakeOverAfterSeconds),
                QueuePollInterval = TimeSpan.FromSeconds(options.PollIntervalSeconds),
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString!, storageOptions), storageOptions);
        });
        services.AddSingleton<JobActivator>(s => new Hangfire.AspNetCore.AspNetCoreJobActivator(s.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IBackgroundJobClient>(s => new BackgroundJobClient(s.GetRequiredService<JobStorage>()));
        services.AddSingleton<IRecurringJobManagerV2>(s => new RecurringJobManager(s.GetRequiredService<JobStorage>()));

        services.AddHostedService<JobRegistrar>();
        services.AddHostedService(s => new JobServers(s, options, node));
    }
}

/// <summary>This node's Hangfire servers: one for the jobs on the schedule, one for sending the outbox (so each node
/// sends a share of a backlog, at most <see cref="OutboxOptions.SendersPerNode"/> at a time).</summary>
public sealed class JobServers(IServiceProvider services, SchedulerOptions options, NodeIdentity node) : IHostedService
{
    private List<BackgroundJobServer> _servers = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        HangfireLogging.Use(services.GetRequiredService<ILoggerFactory>());
        var storage = services.GetRequiredService<JobStorage>();
        var senders = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value.SendersPerNode;
        foreach (var (queue, workers) in new[] { (PortalJob.Queue, options.WorkerCount), (Outbox.Queue, senders) })
            _servers.Add(new BackgroundJobServer(new BackgroundJobServerOptions
            {
                ServerName = $"{node.Name}:{queue}",
                Queues = [queue],
                WorkerCount = Math.Max(1, workers),
                SchedulePollingInterval = TimeSpan.FromSeconds(options.PollIntervalSeconds),
                HeartbeatInterval = TimeSpan.FromSeconds(Math.Clamp(options.TakeOverAfterSeconds / 4.0, 1, 30)),
                ServerTimeout = TimeSpan.FromSeconds(Math.Max(options.TakeOverAfterSeconds, 15)),
                ServerCheckInterval = TimeSpan.FromSeconds(Math.Clamp(options.TakeOverAfterSeconds / 4.0, 1, 60)),
                Activator = services.GetRequiredService<JobActivator>(),
                // UK time for every recurring job, whatever the machine's own zone.
                TimeZoneResolver = new DefaultTimeZoneResolver(),
            }, storage));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stopping may be asked for twice at once (the host stopping as it is disposed): the first takes the servers.
        var servers = Interlocked.Exchange(ref _servers, []);
        foreach (var server in servers) server.SendStop();
        await Task.WhenAll(servers.Select(s => s.WaitForShutdownAsync(cancellationToken)));
        foreach (var server in servers) server.Dispose();
    }
}

/// <summary>Hangfire logs through one process-wide provider; this sends it to the host that is running (the newest,
/// where tests run several), and drops a line rather than fail when that host has stopped.</summary>
internal sealed class HangfireLogging : Hangfire.Logging.ILogProvider
{
    private static readonly HangfireLogging Instance = new();
    private static volatile ILoggerFactory? _factory;

    public static void Use(ILoggerFactory factory)
    {
        _factory = factory;
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(Instance);
    }

    public Hangfire.Logging.ILog GetLogger(string name) => new LogAdapter(name);

    private sealed class LogAdapter(string name) : Hangfire.Logging.ILog
    {
        public bool Log(Hangfire.Logging.LogLevel level, Func<string>? message, Exception? exception = null)
        {
            try
            {
                var logger = _factory?.CreateLogger(name);
                if (logger is null) return false;
                var mapped = level switch
                {
                    Hangfire.Logging.LogLevel.Trace => LogLevel.Trace,
                    Hangfire.Logging.LogLevel.Debug => LogLevel.Debug,
                    Hangfire.Logging.LogLevel.Info => LogLevel.Information,
                    Hangfire.Logging.LogLevel.Warn => LogLevel.Warning,
                    Hangfire.Logging.LogLevel.Error => LogLevel.Error,
                    _ => LogLevel.Critical,
                };
                if (message is null) return logger.IsEnabled(mapped);
                if (logger.IsEnabled(mapped)) logger.Log(mapped, exception, "{Message}", message());
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
