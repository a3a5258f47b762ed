using IroPortal.Data;
using IroPortal.Disputes.Models;
using IroPortal.Modularity;
using IroPortal.Modularity.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Disputes.Services;

/// <summary>The dispute resolution record by case reference. Disposal and erasure remove the case reference and the
/// words; dates, stages, categories and outcomes stay, so the record's figures do not change.</summary>
internal sealed class DisputePersonalData(PortalDbContext db) : IRetentionSource, IPersonalDataSource
{
    private const string Records = "disputes.records", Kind = "Dispute record";

    public string Name => "Dispute resolution";

    public IReadOnlyList<RetainedKind> Kinds { get; } =
    [
        new(Records, "Dispute records", "Concerns IROs raised about children's cases: the case reference, the summary, who each stage was raised with and the notes of each response.",
            "From the day the concern was resolved or closed (open concerns are kept)", 2190, Disposal.Anonymised,
            "the case reference, the summary, the names and the notes are removed; dates, stages, categories and outcomes stay in the figures."),
    ];

    public Task<int> CountPastAsync(string kind, DateTime cutoffUtc, CancellationToken cancellationToken = default) =>
        kind == Records ? Past(UkTime.DateOf(cutoffUtc)).CountAsync(cancellationToken) : Task.FromResult(0);

    public async Task<int> DisposeAsync(string kind, DateTime cutoffUtc, CancellationToken cancellationToken = default) =>
        kind == Records ? await Clear(await Past(UkTime.DateOf(cutoffUtc)).Select(e => e.Id).ToListAsync(cancellationToken), cancellationToken) : 0;

    public async Task<IReadOnlyList<PersonalRecord>> FindAsync(PersonalDataQuery query, CancellationToken cancellationToken = default)
    {
        var t = query.Lower;
        var found = await db.Set<Escalation>().AsNoTracking().Include(e => e.Steps)
            .Where(e => e.CaseReference.ToLower() == t || e.Summary.ToLower().Contains(t) || e.ClosedReason.ToLower().Contains(t)
                || e.Steps.Any(s => s.Note.ToLower().Contains(t) || s.RaisedWith.ToLower().Contains(t)))
            .OrderBy(e => e.OpenedOn).ToListAsync(cancellationToken);
        return found.Select(e => new PersonalRecord(Kind, e.Id.ToString(), $"{e.Category}, raised {UkTime.Format(e.OpenedOn)} by {e.IroName}", e.CreatedUtc,
        [
            new("Case reference", e.CaseReference), new("Summary", e.Summary),
            .. e.Steps.OrderBy(s => s.Number).Select(s => new PersonalField($"Stage {s.Number}: {s.StageName}",
                $"Raised with {s.RaisedWith} on {UkTime.Format(s.RaisedOn)}. {s.Outcome}{(s.RespondedOn is { } r ? " on " + UkTime.Format(r) : "")}. {s.Note}".Trim())),
            new("Resolved", e.ResolvedOn is { } resolved ? UkTime.Format(resolved) : e.ClosedOn is { } closed ? $"Closed {UkTime.Format(closed)}: {e.ClosedReason}" : "Open"),
        ], "The case reference, the summary, the names and the notes are removed; dates, stages, categories and outcomes stay in the figures.")).ToList();
    }

    public async Task<bool> EraseAsync(PersonalDataQuery query, string kind, string id, CancellationToken cancellationToken = default) =>
        kind == Kind && Guid.TryParse(id, out var key) && await Clear([key], cancellationToken) > 0;

    private IQueryable<Escalation> Past(DateOnly cutoff) =>
        db.Set<Escalation>().Where(e => (e.ResolvedOn ?? e.ClosedOn) < cutoff
            && (e.CaseReference != "" || e.Summary != "" || e.ClosedReason != "" || e.Steps.Any(s => s.Note != "" || s.RaisedWith != "")));

    private async Task<int> Clear(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        await db.Set<EscalationStep>().Where(s => ids.Contains(s.EscalationId)).ExecuteUpdateAsync(u => u.SetProperty(s => s.Note, "").SetProperty(s => s.RaisedWith, ""), cancellationToken);
        return await db.Set<Escalation>().Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(e => e.CaseReference, "").SetProperty(e => e.Summary, "").SetProperty(e => e.ClosedReason, "").SetProperty(e => e.Revision, e => e.Revision + 1), cancellationToken);
    }
}
