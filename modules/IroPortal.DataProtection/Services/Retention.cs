using IroPortal.Data;
using IroPortal.DataProtection.Models;
using IroPortal.Modularity.PersonalData;
using IroPortal.Modularity.Scheduling;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.DataProtection.Services;

/// <summary>A kind of record with the period in force for it.</summary>
public sealed record RetentionLine(RetainedKind Kind, string Module, int Days, bool IsDefault)
{
    public DateTime CutoffFrom(DateTime nowUtc) => nowUtc.AddDays(-Days);
}

public sealed record DisposalPreview(IReadOnlyList<(RetentionLine Line, int Count)> Kinds, DateTime AtUtc)
{
    public int Total => Kinds.Sum(k => k.Count);
}

public sealed record RetentionState(IReadOnlyList<RetentionLine> Lines, RetentionPolicy Policy)
{
    public bool Confirmed => Policy.ConfirmedVersion == Policy.Version;
}

/// <summary>The periods every module's kinds are kept for, the administrator's confirmation, and the disposal itself.</summary>
public sealed class RetentionService(PortalDbContext db, IEnumerable<IRetentionSource> sources, IAuditTrail audit, TimeProvider clock)
{
    public const int MaxDays = 36_525; // a hundred years

    private IEnumerable<(IRetentionSource Source, RetainedKind Kind)> Kinds() =>
        sources.SelectMany(s => s.Kinds.Select(k => (s, k)));

    public async Task<RetentionState> StateAsync(CancellationToken cancellationToken = default)
    {
        var set = await db.Set<RetentionPeriod>().AsNoTracking().ToDictionaryAsync(p => p.Kind, p => p.Days, cancellationToken);
        var lines = Kinds().Select(k => new RetentionLine(k.Kind, k.Source.Name, set.GetValueOrDefault(k.Kind.Key, k.Kind.DefaultDays), !set.ContainsKey(k.Kind.Key)))
            .OrderBy(l => l.Module, StringComparer.Ordinal).ThenBy(l => l.Kind.Name, StringComparer.Ordinal).ToList();
        return new RetentionState(lines, await PolicyAsync(cancellationToken));
    }

    public async Task<RetentionLine?> LineAsync(string kind, CancellationToken cancellationToken = default) =>
        (await StateAsync(cancellationToken)).Lines.FirstOrDefault(l => l.Kind.Key == kind);

    /// <summary>Sets the periods given (days by kind); any change needs a new confirmation before disposal runs again.</summary>
    /// <returns>The kinds whose period changed.</returns>
    public async Task<IReadOnlyList<string>> SetAsync(IReadOnlyDictionary<string, int> days, string by, CancellationToken cancellationToken = default)
    {
        var state = await StateAsync(cancellationToken);
        var changed = new List<string>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var line in state.Lines)
        {
            if (!days.TryGetValue(line.Kind.Key, out var value) || value == line.Days) continue;
            if (value is < 1 or > MaxDays) throw new ArgumentOutOfRangeException(nameof(days), $"{line.Kind.Name}: {value} days is outside 1 to {MaxDays}.");
            var row = await db.Set<RetentionPeriod>().FindAsync([line.Kind.Key], cancellationToken);
            if (row is null) db.Add(row = new RetentionPeriod { Kind = line.Kind.Key });
            row.Days = value;
            row.ChangedBy = by;
            row.ChangedUtc = now;
            changed.Add($"{line.Kind.Name}: {RetentionPeriods.Describe(line.Days)} to {RetentionPeriods.Describe(value)}");
        }
        if (changed.Count == 0) return changed;
        var policy = await TrackedPolicyAsync(cancellationToken);
        policy.Version++;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditEvents.RetentionChanged, string.Join("; ", changed) + ". Disposal waits for confirmation.", cancellationToken: cancellationToken);
        return changed;
    }

    /// <summary>How many records of each kind are past their period now.</summary>
    public async Task<DisposalPreview> PreviewAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var state = await StateAsync(cancellationToken);
        var counts = new List<(RetentionLine, int)>();
        foreach (var line in state.Lines)
            counts.Add((line, await SourceOf(line.Kind.Key).CountPastAsync(line.Kind.Key, line.CutoffFrom(now), cancellationToken)));
        return new DisposalPreview(counts, now);
    }

    /// <summary>The administrator has seen the preview of <paramref name="version"/> and agrees. A version changed since
    /// the preview was shown is not confirmed.</summary>
    public async Task<bool> ConfirmAsync(int version, string by, CancellationToken cancellationToken = default)
    {
        var policy = await TrackedPolicyAsync(cancellationToken);
        if (policy.Version != version) return false;
        policy.ConfirmedVersion = version;
        policy.ConfirmedBy = by;
        policy.ConfirmedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditEvents.RetentionConfirmed, $"Retention periods version {version} confirmed: the disposal job may run.", cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>Deletes or anonymises what is past its period, kind by kind, and logs the run. Nothing runs while the
    /// current periods are unconfirmed.</summary>
    public async Task<DisposalRun?> DisposeAsync(string runBy, CancellationToken cancellationToken = default)
    {
        var state = await StateAsync(cancellationToken);
        if (!state.Confirmed) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new DisposalRun { Id = Guid.CreateVersion7(), StartedUtc = now, RunBy = runBy, PolicyVersion = state.Policy.Version };
        var lines = new List<string>();
        try
        {
            foreach (var line in state.Lines)
            {
                var removed = await SourceOf(line.Kind.Key).DisposeAsync(line.Kind.Key, line.CutoffFrom(now), cancellationToken);
                lines.Add($"{line.Kind.Key} {removed}");
                run.Total += removed;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            run.Failure = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
        }
        run.Counts = string.Join('\n', lines);
        run.FinishedUtc = clock.GetUtcNow().UtcDateTime;
        db.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditEvents.DisposalRan, $"{run.Total} record(s) deleted or anonymised past their retention period{(run.Failure.Length > 0 ? "; stopped: " + run.Failure : "")}.", cancellationToken: cancellationToken);
        if (run.Failure.Length > 0) throw new InvalidOperationException("Disposal stopped: " + run.Failure);
        return run;
    }

    public async Task<IReadOnlyList<DisposalRun>> RunsAsync(int take, CancellationToken cancellationToken = default) =>
        await db.Set<DisposalRun>().AsNoTracking().OrderByDescending(r => r.StartedUtc).Take(take).ToListAsync(cancellationToken);

    private IRetentionSource SourceOf(string kind) => Kinds().First(k => k.Kind.Key == kind).Source;

    private async Task<RetentionPolicy> PolicyAsync(CancellationToken cancellationToken) =>
        await db.Set<RetentionPolicy>().AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new RetentionPolicy { Id = 1, Version = 1 };

    private async Task<RetentionPolicy> TrackedPolicyAsync(CancellationToken cancellationToken)
    {
        var policy = await db.Set<RetentionPolicy>().SingleOrDefaultAsync(cancellationToken);
        if (policy is null) db.Add(policy = new RetentionPolicy { Id = 1, Version = 1 });
        return policy;
    }
}

/// <summary>The nightly run. Until the administrator confirms the current periods it removes nothing and says so.</summary>
internal sealed class DisposalJob(RetentionService retention) : IScheduledWork
{
    public const string Key = "dataprotection.dispose";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var run = await retention.DisposeAsync("the nightly disposal job", cancellationToken);
        return run is null
            ? "Nothing removed: the retention periods are waiting for an administrator to confirm them (Retention and disposal)."
            : $"{run.Total} record(s) deleted or anonymised past their retention period.";
    }
}

public static class AuditEvents
{
    public const string RetentionChanged = "Retention periods changed";
    public const string RetentionConfirmed = "Retention periods confirmed";
    public const string DisposalRan = "Disposal ran";
    public const string PersonalDataSearched = "Personal data searched";
    public const string PersonalDataExported = "Personal data exported";
    public const string PersonalDataErased = "Personal data erased";
    public const string StatementChanged = "Notice or statement changed";
}
