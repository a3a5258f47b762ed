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
    /// <summary>Messages one sender sends over one connection before it hands on to the next sender.</summary>
    public int BatchSize { get; set; } = 100;
    /// <summary>Senders each node runs at the same time while there is a backlog: more nodes, faster draining.</summary>
    public int SendersPerNode { get; set; } = 2;
}

/// <summary>
/// Sends what is waiting in the outbox. A node claims one message at a time with a conditional update (only
/// one node's update can succeed), sends it, and marks it sent only after the server accepted it. A node
/// killed mid-send leaves its claim to expire, and the next run, on any node, sends the message. A server
/// that says "later" (4xx, a timeout, a dropped connection) is tried again later, each wait twice the last,
/// until the message is given up as failed; a permanent refusal (5xx) fails it at once. Administrators see
/// both, with the server's words, and can send it again. While there is more than one batch waiting, each
/// scheduled run hands it to senders on the outbox queue, which every node works through (a few at a time each).
/// </summary>
public sealed class Outbox(PortalDbContext db, IMailTransport transport, OutboxSenders senders, NodeIdentity node, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<Outbox> log)
    : IScheduledWork
{
    public const string Key = "notifications.outbox";
    /// <summary>Hangfire's queue for the extra senders a backlog calls for.</summary>
    public const string Queue = "outbox";

    public static OutboxMessage NewMessage(string key, string toAddress, string toName, string subject, string text, string html, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(), IdempotencyKey = key, ToAddress = toAddress, ToName = toName, Subject = subject, TextBody = text, HtmlBody = html,
        CreatedUtc = nowUtc, NextAttemptUtc = nowUtc, Status = OutboxStatus.Pending,
    };

    /// <summary>On the schedule: what is due, sent over one connection; a backlog bigger than one batch is handed to
    /// senders on the outbox queue instead, so that every node sends a share.</summary>
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var due = await DueCountAsync(cancellationToken);
        if (due > options.Value.BatchSize)
        {
            var started = senders.Spread(due);
            return $"{due} due: {started} more senders started (nodes share them, {options.Value.SendersPerNode} at a time each).";
        }
        return await SendBatchAsync(cancellationToken);
    }

    /// <summary>One sender's batch: up to <see cref="OutboxOptions.BatchSize"/> messages over one connection; another
    /// sender carries on after it while messages are still due.</summary>
    public async Task<string> SendBatchAsync(CancellationToken cancellationToken)
    {
        int sent = 0, failed = 0;
        var settings = options.Value;
        var tried = new HashSet<Guid>();
        await using (var connection = new MailConnection(transport))
        {
            while (!cancellationToken.IsCancellationRequested && sent + failed < settings.BatchSize && !connection.Unreachable)
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
                    if (await SendAsync(message, connection, cancellationToken)) sent++; else failed++;
                    // No connection at all: the rest wait for the next run rather than each waiting out the timeout.
                    if (connection.Unreachable) break;
                }
            }
        }
        var waiting = await db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Pending, cancellationToken);
        // Only a sender that is getting through carries on at once: a refusing server is not helped by more tries.
        var due = sent > 0 ? await DueCountAsync(cancellationToken) : 0;
        var next = due > 0 ? senders.Spread(due, finishing: true) : 0;
        return $"{sent} sent, {failed} not accepted (to be tried again or given up), {waiting} waiting" + (next > 0 ? $"; {next} more senders carry on." : ".");
    }

    private async Task<int> DueCountAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<OutboxMessage>().CountAsync(m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now
            && (m.LockedUntilUtc == null || m.LockedUntilUtc < now), cancellationToken);
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

    private async Task<bool> SendAsync(OutboxMessage message, MailConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await (await connection.OpenAsync(cancellationToken)).SendAsync(message, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            var attempts = message.Attempts + 1;
            var giveUp = error is MailRefusedException || attempts >= options.Value.MaxAttempts;
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

    /// <summary>One connection for the batch, opened when the first message is claimed.</summary>
    private sealed class MailConnection(IMailTransport transport) : IAsyncDisposable
    {
        private IMailSession? _session;

        /// <summary>The server could not be reached (or signed in to) at all.</summary>
        public bool Unreachable { get; private set; }

        public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
        {
            if (_session is not null) return _session;
            try
            {
                return _session = await transport.OpenAsync(cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                Unreachable = true;
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_session is not null) await _session.DisposeAsync();
        }
    }

    private static string Describe(Exception error)
    {
        var text = error is MailRefusedException or IOException or MailNotConfiguredException || error.InnerException is null
            ? error.Message : $"{error.Message} {error.InnerException.Message}";
        return text.Length > 2000 ? text[..2000] : text;
    }

    /// <summary>An administrator's "send again" for a message given up as failed.</summary>
    public async Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.Set<OutboxMessage>().Where(m => m.Id == id && m.Status == OutboxStatus.Failed).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.NextAttemptUtc, clock.GetUtcNow().UtcDateTime), cancellationToken) == 1;
}

/// <summary>Puts outbox senders on Hangfire's outbox queue while a backlog waits: the number of nodes times
/// <see cref="OutboxOptions.SendersPerNode"/>, counting those already queued or running.
/// Each node's outbox server runs at most that many at a time, so the nodes share the sending.</summary>
public sealed class OutboxSenders(Hangfire.JobStorage storage, Hangfire.IBackgroundJobClient jobs, IOptions<OutboxOptions> options)
{
    /// <param name="finishing">Asked by a sender on the outbox queue as it finishes: it no longer counts as busy.</param>
    /// <returns>How many senders it started.</returns>
    public int Spread(int due, bool finishing = false)
    {
        var monitor = storage.GetMonitoringApi();
        var nodes = Math.Max(1, monitor.Servers().Count(s => s.Queues.Contains(Outbox.Queue)));
        // As many as the nodes take while anything is due: a sender that finds nothing left stops at once.
        var wanted = Math.Min(nodes * options.Value.SendersPerNode, due);
        var busy = monitor.EnqueuedCount(Outbox.Queue) + Math.Max(0, monitor.FetchedCount(Outbox.Queue) - (finishing ? 1 : 0));
        var started = 0;
        for (; busy < wanted; busy++, started++) Start();
        return started;
    }

    private void Start() => jobs.Create(PortalJob.OutboxSender(), new Hangfire.States.EnqueuedState(Outbox.Queue));
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
