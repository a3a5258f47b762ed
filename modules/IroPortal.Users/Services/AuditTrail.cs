using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Users.Contracts;
using IroPortal.Users.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Users.Services;

internal sealed class AuditTrail(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock) : IAuditTrail
{
    public async Task RecordAsync(string eventType, string detail, Guid? subjectUserId = null, string? subjectName = null, CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext;
        var user = context?.User;
        // Its own context, so that an entry is written even when the caller's unit of work is not saved.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Add(new AuditEvent
        {
            Id = Guid.CreateVersion7(),
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            EventType = eventType,
            ActorUserId = user?.UserId(),
            ActorName = Truncate(ActorOf(user), 256),
            SubjectUserId = subjectUserId,
            SubjectName = Truncate(subjectName ?? "", 256),
            Detail = Truncate(detail, 2000),
            IpAddress = context?.Connection.RemoteIpAddress?.ToString() ?? "",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    /// <summary>A signed-in person's name, or the council system that holds an API token.</summary>
    private static string ActorOf(System.Security.Claims.ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return "";
        if (user.Identity.Name is { Length: > 0 } name) return name;
        return (user.FindFirst("client_id") ?? user.FindFirst("sub")) is { } client ? $"API client {client.Value}" : "";
    }
}

/// <summary>The audit trail is append-only: any attempt to change or delete an entry fails the save.</summary>
internal sealed class AuditTrailGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null) return;
        // Only the audit entries are scanned for changes: asking the tracker for its entries would scan every tracked
        // entity, and SaveChanges scans them all again straight after (a second of the demo's first start).
        var tracker = context.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries<AuditEvent>())
            {
                if (entry.State == EntityState.Unchanged) entry.DetectChanges();
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                    throw new InvalidOperationException("The audit trail cannot be changed or deleted.");
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

}
