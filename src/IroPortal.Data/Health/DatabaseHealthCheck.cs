using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IroPortal.Data.Health;

/// <summary>For /health: can the portal reach its database, and is the schema up to date.</summary>
public sealed class DatabaseHealthCheck(PortalDbContext db, IOptions<DatabaseOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = options.Value.Provider.ToString() };
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy("The database cannot be reached.", data: data);
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
}
