using IroPortal.Data;
using IroPortal.Disputes.Models;
using IroPortal.Modularity;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Disputes.Services;

/// <summary>What an IRO entered to raise a stage, checked.</summary>
public sealed record StageRaised(DisputeStage Stage, string RaisedWith, DateOnly RaisedOn);

/// <summary>Every change to the record goes through here; each is guarded against two people saving at once.</summary>
public sealed class DisputeService(PortalDbContext db, WorkingDays workingDays, TimeProvider clock)
{
    public const int MaxSummary = 2000;
    public const int MaxNote = 2000;
    public const int MaxWith = 200;

    /// <summary>The Handbook's shape, until the manager sets the council's own: 4 formal stages of 5 working days.</summary>
    public static IReadOnlyList<DisputeStage> Defaults() =>
    [
        new() { Kind = StageKind.Informal, Position = 0, Name = "Informal: the social worker or their team manager", WorkingDays = 5 },
        new() { Kind = StageKind.Formal, Position = 1, Name = "Stage 1: team manager", WorkingDays = 5 },
        new() { Kind = StageKind.Formal, Position = 2, Name = "Stage 2: service manager", WorkingDays = 5 },
        new() { Kind = StageKind.Formal, Position = 3, Name = "Stage 3: head of service", WorkingDays = 5 },
        new() { Kind = StageKind.Formal, Position = 4, Name = "Stage 4: director of children's services", WorkingDays = 5 },
        new() { Kind = StageKind.Cafcass, Position = 1000, Name = "Referral to Cafcass", WorkingDays = null },
    ];

    public DateOnly Today => UkTime.Today(clock);
    public WorkingDays WorkingDays => workingDays;

    public async Task<IReadOnlyList<DisputeStage>> StagesAsync() =>
        await db.Set<DisputeStage>().AsNoTracking().OrderBy(s => s.Position).ToListAsync();

    public async Task EnsureStagesAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Set<DisputeStage>().AnyAsync(cancellationToken)) return;
        foreach (var stage in Defaults())
        {
            stage.Id = Guid.CreateVersion7();
            db.Add(stage);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Replaces the stages' names and timescales; the escalations keep the names they were raised under.</summary>
    public async Task SaveStagesAsync(IReadOnlyList<(Guid? Id, StageKind Kind, string Name, int? WorkingDays)> wanted)
    {
        var existing = await db.Set<DisputeStage>().ToListAsync();
        var position = 1;
        foreach (var (id, kind, name, days) in wanted)
        {
            var stage = existing.FirstOrDefault(s => s.Id == id);
            if (stage is null) db.Add(stage = new DisputeStage { Id = Guid.CreateVersion7(), Kind = kind });
            stage.Name = name;
            stage.WorkingDays = kind == StageKind.Cafcass ? null : days;
            stage.Position = kind switch { StageKind.Informal => 0, StageKind.Cafcass => 1000, _ => position++ };
        }
        foreach (var gone in existing.Where(s => wanted.All(w => w.Id != s.Id)))
            db.Remove(gone);
        await db.SaveChangesAsync();
    }

    public async Task<IReadOnlyList<Escalation>> ListAsync(Guid? iroId = null, int? yearStart = null)
    {
        var query = db.Set<Escalation>().AsNoTracking().Include(e => e.Steps).AsQueryable();
        if (iroId is { } iro) query = query.Where(e => e.IroId == iro);
        if (yearStart is { } year) query = query.Where(e => e.OpenedOn >= ReportingYear.Start(year) && e.OpenedOn <= ReportingYear.End(year));
        return (await query.ToListAsync()).OrderByDescending(e => e.OpenedOn).ThenByDescending(e => e.CreatedUtc).ToList();
    }

    public Task<Escalation?> FindAsync(Guid id) => db.Set<Escalation>().Include(e => e.Steps).SingleOrDefaultAsync(e => e.Id == id);

    public async Task<Escalation> RecordAsync(Guid iroId, string iroName, string caseReference, string category, string summary, StageRaised first)
    {
        var escalation = new Escalation
        {
            Id = Guid.CreateVersion7(), IroId = iroId, IroName = iroName, CaseReference = Modularity.CaseReference.Normalise(caseReference), Category = category,
            Summary = summary, OpenedOn = first.RaisedOn, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        escalation.Steps.Add(Step(escalation, 1, first));
        db.Add(escalation);
        await db.SaveChangesAsync();
        return escalation;
    }

    /// <returns>False when the escalation changed since the form was opened: nothing was saved.</returns>
    public async Task<bool> RespondAsync(Escalation escalation, int revision, DateOnly respondedOn, bool resolved, string note)
    {
        if (escalation.Revision != revision) return false;
        var step = DisputeRules.Current(escalation);
        step.RespondedOn = respondedOn;
        step.Outcome = resolved ? StepOutcome.Resolved : StepOutcome.NotResolved;
        step.Note = note;
        if (resolved) escalation.ResolvedOn = respondedOn;
        return await SaveAsync(escalation);
    }

    public async Task<bool> EscalateAsync(Escalation escalation, int revision, StageRaised next)
    {
        if (escalation.Revision != revision) return false;
        var step = Step(escalation, DisputeRules.Current(escalation).Number + 1, next);
        escalation.Steps.Add(step);
        db.Add(step);
        return await SaveAsync(escalation);
    }

    public async Task<bool> CloseAsync(Escalation escalation, int revision, DateOnly closedOn, string reason)
    {
        if (escalation.Revision != revision) return false;
        escalation.ClosedOn = closedOn;
        escalation.ClosedReason = reason;
        return await SaveAsync(escalation);
    }

    private EscalationStep Step(Escalation escalation, int number, StageRaised raised) => new()
    {
        Id = Guid.CreateVersion7(), EscalationId = escalation.Id, Number = number, Kind = raised.Stage.Kind, StageName = raised.Stage.Name,
        StagePosition = raised.Stage.Position, RaisedWith = raised.RaisedWith, RaisedOn = raised.RaisedOn,
        ResponseDue = DisputeRules.ResponseDue(raised.Stage, raised.RaisedOn, workingDays),
    };

    private async Task<bool> SaveAsync(Escalation escalation)
    {
        escalation.Revision++;
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
