using IroPortal.Data;
using IroPortal.Modularity.Scheduling;
using IroPortal.Notifications.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Notifications.Services;

/// <summary>A user's notifications in the portal, and how they want reminders by email.</summary>
public sealed class Inbox(PortalDbContext db, TimeProvider clock) : IUnreadNotifications
{
    public Task<int> CountAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadUtc == null, cancellationToken);

    public Task<List<Notification>> ListAsync(Guid userId, int take = 100) =>
        db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId)
            .OrderBy(n => n.ReadUtc != null).ThenByDescending(n => n.CreatedUtc).Take(take).ToListAsync();

    /// <summary>The user's own notification, marked read; null when it is not theirs.</summary>
    public async Task<Notification?> ReadAsync(Guid userId, Guid id)
    {
        var notification = await db.Set<Notification>().SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId);
        if (notification is { ReadUtc: null })
        {
            notification.ReadUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }
        return notification;
    }

    public Task<int> ReadAllAsync(Guid userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<Notification>().Where(n => n.UserId == userId && n.ReadUtc == null).ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadUtc, now));
    }

    public async Task<bool> WantsDigestAsync(Guid userId) =>
        await db.Set<NotificationPreference>().AnyAsync(p => p.UserId == userId && p.DailyDigest);

    public async Task SetDigestAsync(Guid userId, bool dailyDigest)
    {
        var preference = await db.Set<NotificationPreference>().SingleOrDefaultAsync(p => p.UserId == userId);
        if (preference is null) db.Add(preference = new NotificationPreference { UserId = userId });
        preference.DailyDigest = dailyDigest;
        preference.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        if (!dailyDigest)
        {
            // No digest will come for what was waiting; it stays in the portal's list, and new reminders are emailed as they come.
            await db.Set<Notification>().Where(n => n.UserId == userId && n.AwaitingDigest).ExecuteUpdateAsync(u => u.SetProperty(n => n.AwaitingDigest, false));
        }
        await db.SaveChangesAsync();
    }
}
