using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Scheduling;
using IroPortal.Notifications.Models;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IroPortal.Notifications.Services;

/// <summary>The "Notifications:Outbox" section of configuration.</summary>
public sealed class OutboxOptions
{
    /// <summary>How long a node may take to send one message before another node may take it over.
    /// Longer than the SMTP timeout, so a slow send is never sent twice.</summary>
    public int LeaseSeconds { get; set; } = 120;
    public int MaxAttempts { get; set; } = 8;
    /// <summary>The first retry waits this long; each later one twice as long, up to six hours.</summary>
    public int FirstRetrySeconds { get; set; } = 60;
    public int BatchSize { get; set; } = 100;
}

/// <summary>
/// Sends what is waiting in the outbox. A node claims one message at a time with a conditional update (only
/// one node's update can succeed), sends it, and marks it sent only after the server accepted it. A node
/// killed mid-send leaves its claim to expire, and the next run, on any node, sends the message. A server
/// that refuses is tried again later, each wait twice the last, until the message is given up as failed
/// (shown to administrators, who can send it again).
/// </summary>
public sealed class Outbox(PortalDbContext db, IMailTransport transport, NodeIdentity node, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<Outbox> log)
    : IScheduledWork
{
    public static OutboxMessage NewMessage(string key, string toAddress, string toName, string subject, string text, string html, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(), IdempotencyKey = key, ToAddress = toAddress, ToName = toName, Subject = subject, TextBody = text, HtmlBody = html,
        CreatedUtc = nowUtc, NextAttemptUtc = nowUtc, Status = OutboxStatus.Pending,
    };

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        int sent = 0, failed = 0;
        var settings = options.Value;
        var tried = new HashSet<Guid>();
        while (!cancellationToken.IsCancellationRequested && sent + failed < settings.BatchSize)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var candidates = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
                .OrderBy(m => m.NextAttemptUtc).Select(m => m.Id).Take(10).ToListAsync(cancellationToken);
            candidates.RemoveAll(tried.Contains);
            if (candidates.Count == 0) break;
            foreach (var id in candidates)
            {
                tried.Add(id);
                if (await ClaimAsync(id, cancellationToken) is not { } message) continue;
                if (await SendAsync(message, cancellationToken)) sent++; else failed++;
            }
        }
        var waiting = await db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Pending, cancellationToken);
        return $"{sent} sent, {failed} refused (to be tried again or given up), {waiting} waiting.";
    }

    private async Task<OutboxMessage?> ClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        var claimed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedBy, node.Name).SetProperty(m => m.LockedUntilUtc, until), cancellationToken);
        return claimed == 1 ? await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken) : null;
    }

    private async Task<bool> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(message, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            var attempts = message.Attempts + 1;
            var giveUp = attempts >= options.Value.MaxAttempts;
            var wait = TimeSpan.FromSeconds(Math.Min(options.Value.FirstRetrySeconds * Math.Pow(2, attempts - 1), TimeSpan.FromHours(6).TotalSeconds));
            var reason = Describe(error);
            log.LogWarning("Email {Id} to {To} was not accepted (attempt {Attempts}): {Reason}", message.Id, message.ToAddress, attempts, reason);
            await db.Set<OutboxMessage>().Where(m => m.Id == message.Id && m.LockedBy == node.Name).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.Status, giveUp ? OutboxStatus.Failed : OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptUtc, clock.GetUtcNow().UtcDateTime + wait)
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
            return false;
        }
        // Accepted by the server: from here on it must not be sent again, so this update does not give up on cancellation.
        await db.Set<OutboxMessage>().Where(m => m.Id == message.Id).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.Attempts, message.Attempts + 1)
            .SetProperty(m => m.SentUtc, clock.GetUtcNow().UtcDateTime)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.LockedBy, (string?)null)
            .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
        return true;
    }

    private static string Describe(Exception error)
    {
        var text = error.InnerException is { } inner ? $"{error.Message} {inner.Message}" : error.Message;
        return text.Length > 2000 ? text[..2000] : text;
    }

    /// <summary>An administrator's "send again" for a message given up as failed.</summary>
    public async Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.Set<OutboxMessage>().Where(m => m.Id == id && m.Status == OutboxStatus.Failed).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.NextAttemptUtc, clock.GetUtcNow().UtcDateTime), cancellationToken) == 1;
}

/// <summary>Once a day, one email to each person who chose a digest, with the reminders that waited for it.</summary>
public sealed class DailyDigest(PortalDbContext db, IStaffDirectory staff, MailComposer mail, TimeProvider clock) : IScheduledWork
{
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.Set<Notification>().Where(n => n.AwaitingDigest).OrderBy(n => n.CreatedUtc).ToListAsync(cancellationToken);
        var emails = 0;
        foreach (var group in waiting.GroupBy(n => n.UserId))
        {
            var key = $"notifications.digest|{group.Key}|{today:yyyy-MM-dd}";
            if (await db.Set<OutboxMessage>().AnyAsync(m => m.IdempotencyKey == key, cancellationToken)) continue; // today's went; these wait for tomorrow's
            foreach (var notification in group) notification.AwaitingDigest = false;
            var person = await staff.FindAsync(group.Key, cancellationToken);
            if (person is not null && !person.IsDisabled)
            {
                var items = group.Select(n => new MailItem(n.Title, n.Body, n.Link)).ToList();
                var (subject, text, html) = mail.Compose($"Your reminders for {UkTime.Format(today)}", person.DisplayName, items, forStaff: true);
                db.Add(Outbox.NewMessage(key, person.Email, person.DisplayName, subject, text, html, now));
                emails++;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        // Keep the jobs page to what the engineer on call needs: the last two months.
        var cutoff = now.AddDays(-60);
        await db.Set<JobRun>().Where(r => r.StartedUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
        return $"{emails} digest emails for {waiting.Count} reminders.";
    }
}
