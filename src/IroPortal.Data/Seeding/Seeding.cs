using IroPortal.Modularity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IroPortal.Data.Seeding;

/// <summary>A module's seeder: reference data always, demo data when the portal runs as a demo. Must be
/// safe to run at every start (seed only what is missing).</summary>
public interface IPortalSeeder
{
    /// <summary>Lower runs first; a module that needs another's demo users seeds after it.</summary>
    int Order { get; }
    Task SeedAsync(SeedContext context, CancellationToken cancellationToken);
}

/// <param name="Demo">Whether demo data is wanted (Demo:Enabled; never in Production).</param>
/// <param name="Report">Where to print what a newcomer needs to know, such as demo sign-ins.</param>
public sealed record SeedContext(bool Demo, IServiceProvider Services, TextWriter Report);

/// <summary>Applies migrations and runs the seeders before the portal takes its first request.</summary>
public sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> options,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demo = configuration.GetValue("Demo:Enabled", false);
        if (demo && environment.IsProduction())
            throw new InvalidOperationException("Demo:Enabled is true in Production. The portal will not create demo users with published passwords on a live service; set Demo:Enabled to false.");

        // Nodes started together on one database take turns: the first migrates and seeds, the others then find
        // nothing left to do (migrating or seeding side by side fails on tables and rows the other just created).
        await using var turn = options.Value.Provider == DatabaseProvider.PostgreSQL
            ? await AdvisoryLock.TakeAsync(options.Value.ConnectionString!, AdvisoryLock.Startup, cancellationToken)
            : null;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (options.Value.MigrateOnStartup)
        {
            // EF logs each migration it applies; asking for the pending ones first would query a history table a
            // new database does not have yet, and log that as a failure.
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("The {Provider} database's schema is up to date", options.Value.Provider);
        }
        if (options.Value.Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        var report = new StringWriter();
        var seeders = scope.ServiceProvider.GetServices<IPortalSeeder>().Select((seeder, index) => (seeder.Order, Index: index)).OrderBy(s => s.Order).ToList();
        foreach (var (_, index) in seeders)
        {
            // Each seeder in a scope (and database context) of its own: one context tracking every seeder's rows made
            // each save scan all of them.
            using var seederScope = scopes.CreateScope();
            var seeder = seederScope.ServiceProvider.GetServices<IPortalSeeder>().ElementAt(index);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await seeder.SeedAsync(new SeedContext(demo, seederScope.ServiceProvider, report), cancellationToken);
            // A slow first start is found here: each seeder's time, at debug level.
            logger.LogDebug("{Seeder} took {Milliseconds:0} ms", seeder.GetType().Name, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        // In command mode standard output carries the command's results only.
        if (report.GetStringBuilder().Length > 0)
            (configuration.GetValue("Hosting:CommandMode", false) ? Console.Error : Console.Out).WriteLine(report.ToString());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
