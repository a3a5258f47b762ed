using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IroPortal.Data.Health;

/// <summary>For /health: can the portal reach its database and write to it, and is the schema up to date.</summary>
public sealed class DatabaseHealthCheck(PortalDbContext db, IOptions<DatabaseOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = options.Value.Provider.ToString() };
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy("The database cannot be reached.", data: data);
            if (await WriteProblemAsync(data, cancellationToken) is { } cannotWrite)
                return HealthCheckResult.Unhealthy(cannotWrite, data: data);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            data["pendingMigrations"] = pending.Count;
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The database is reachable and its schema is up to date.", data)
                : HealthCheckResult.Degraded($"The database is reachable but {pending.Count} migration(s) are not applied.", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The message may name the server; the exception's details go to the log, not to the page.
            return HealthCheckResult.Unhealthy("The database cannot be reached.", ex, data);
        }
    }

    /// <summary>Why the database could be read but not written, or null: the SQLite file's disk nearly full, or a
    /// PostgreSQL server that is read-only (a standby, or one that stopped taking writes).</summary>
    private async Task<string?> WriteProblemAsync(Dictionary<string, object> data, CancellationToken cancellationToken)
    {
        if (options.Value.Provider == DatabaseProvider.PostgreSQL)
        {
            var readOnly = await db.Database.SqlQueryRaw<string>("SELECT current_setting('transaction_read_only') AS \"Value\"").SingleAsync(cancellationToken);
            return readOnly == "on" ? "The database is read-only: nothing can be saved." : null;
        }
        if (db.Database.GetDbConnection().DataSource is not { Length: > 0 } file || Path.GetDirectoryName(Path.GetFullPath(file)) is not { } folder)
            return null;
        var free = new DriveInfo(folder).AvailableFreeSpace / (1024 * 1024);
        data["freeMegabytes"] = free;
        return free < options.Value.MinimumFreeMegabytes
            ? $"The database's disk is full or nearly ({free} MB free, fewer than {options.Value.MinimumFreeMegabytes}): nothing can be saved."
            : null;
    }
}
