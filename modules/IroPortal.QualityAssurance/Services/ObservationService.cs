using IroPortal.Data;
using IroPortal.QualityAssurance.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.QualityAssurance.Services;

/// <summary>What the manager wrote about an observation, checked.</summary>
public sealed record ObservationWritten(
    Guid IroId, DateOnly ObservedOn, string CaseReference, string ReviewDescription, Grade OverallGrade, string Strengths,
    string AreasForDevelopment, IReadOnlyList<ObservationGrade> Grades, IReadOnlyList<(string Description, DateOnly DueOn)> Actions, bool Share);

public enum SaveOutcome { Saved, NotFound, Closed, Conflict }

/// <summary>Observations of IRO practice and the actions agreed from them: every change of state goes through here,
/// and each save from a stale form is refused.</summary>
public sealed class ObservationService(PortalDbContext db, TimeProvider clock)
{
    public async Task<(IReadOnlyList<Observation> Observations, IReadOnlyList<CaseFileAudit> Audits)> LatestRecordsAsync(int count = 200) =>
        (await db.Set<Observation>().AsNoTracking().OrderByDescending(o => o.ObservedOn).Take(count).ToListAsync(),
         await db.Set<CaseFileAudit>().AsNoTracking().OrderByDescending(a => a.AuditedOn).Take(count).ToListAsync());

    public Task<Observation?> FindAsync(Guid id) =>
        db.Set<Observation>().AsNoTracking().Include(o => o.Grades).SingleOrDefaultAsync(o => o.Id == id);

    /// <summary>The actions agreed from an observation or an audit, soonest due first.</summary>
    public async Task<IReadOnlyList<QaAction>> ActionsFromAsync(Guid sourceId) =>
        await db.Set<QaAction>().AsNoTracking().Where(a => a.SourceId == sourceId).OrderBy(a => a.DueOn).ToListAsync();

    public async Task<Observation> RecordAsync(ObservationWritten written, Guid observerId, string observerName)
    {
        var observation = new Observation
        {
            Id = Guid.CreateVersion7(), IroId = written.IroId, CreatedUtc = clock.GetUtcNow().UtcDateTime,
            ObserverId = observerId, ObserverName = observerName, Status = RecordStatus.Draft,
        };
        Apply(written, observation);
        db.Add(observation);
        await db.SaveChangesAsync();
        return observation;
    }

    /// <summary>Replaces what was written and the actions not yet done, unless someone saved since <paramref name="version"/>.</summary>
    public async Task<SaveOutcome> ChangeAsync(Guid id, Guid version, ObservationWritten written)
    {
        var observation = await Tracked(id);
        if (observation is null) return SaveOutcome.NotFound;
        if (!observation.CanBeEdited) return SaveOutcome.Closed;
        if (observation.Version != version) return SaveOutcome.Conflict;
        db.RemoveRange(observation.Grades);
        observation.Grades.Clear();
        db.RemoveRange(await db.Set<QaAction>().Where(a => a.SourceId == id && a.CompletedOn == null).ToListAsync());
        Apply(written, observation);
        return await SaveAsync();
    }

    public Task<SaveOutcome> ShareAsync(Guid id) => ChangeStateAsync(id, o => o.Share());

    public Task<SaveOutcome> SignOffAsync(Guid id) => ChangeStateAsync(id, o => o.SignOff(clock.GetUtcNow().UtcDateTime));

    /// <summary>The IRO's reflection; refused when the manager changed the observation after <paramref name="version"/>.</summary>
    public async Task<SaveOutcome> ReflectAsync(Guid id, Guid version, string reflection)
    {
        var observation = await Tracked(id);
        if (observation is null) return SaveOutcome.NotFound;
        if (observation.Status != RecordStatus.WithIro) return SaveOutcome.Closed;
        if (observation.Version != version) return SaveOutcome.Conflict;
        observation.Reflect(reflection, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync();
    }

    private async Task<SaveOutcome> ChangeStateAsync(Guid id, Action<Observation> change)
    {
        var observation = await Tracked(id);
        if (observation is null) return SaveOutcome.NotFound;
        change(observation);
        return await SaveAsync();
    }

    private void Apply(ObservationWritten written, Observation observation)
    {
        observation.IroId = written.IroId;
        observation.ObservedOn = written.ObservedOn;
        observation.CaseReference = Modularity.CaseReference.Normalise(written.CaseReference);
        observation.ReviewDescription = written.ReviewDescription.Trim();
        observation.OverallGrade = written.OverallGrade;
        observation.Strengths = written.Strengths.Trim();
        observation.AreasForDevelopment = written.AreasForDevelopment.Trim();
        observation.Version = Guid.NewGuid();
        if (written.Share) observation.Share();
        observation.Grades.AddRange(written.Grades);
        QaActions.Add(db, written.Actions, observation.IroId, ActionSource.Observation, observation.Id, clock);
    }

    private Task<Observation?> Tracked(Guid id) => db.Set<Observation>().Include(o => o.Grades).SingleOrDefaultAsync(o => o.Id == id);

    private async Task<SaveOutcome> SaveAsync()
    {
        try
        {
            await db.SaveChangesAsync();
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveOutcome.Conflict;
        }
    }
}

/// <summary>The actions agreed after an observation or an audit, and their completion.</summary>
public sealed class QaActions(PortalDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<QaAction>> OpenAsync() =>
        await db.Set<QaAction>().AsNoTracking().Where(a => a.CompletedOn == null).OrderBy(a => a.DueOn).ToListAsync();

    public Task<QaAction?> FindAsync(Guid id) => db.Set<QaAction>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id);

    /// <summary>Marks the action done, unless it changed since <paramref name="version"/>; one already done stays done.</summary>
    public async Task<SaveOutcome> CompleteAsync(Guid id, Guid version, string? note)
    {
        var action = await db.Set<QaAction>().SingleOrDefaultAsync(a => a.Id == id);
        if (action is null) return SaveOutcome.NotFound;
        if (action.CompletedOn is not null) return SaveOutcome.Saved;
        if (action.Version != version) return SaveOutcome.Conflict;
        action.Complete(Modularity.UkTime.Today(clock), note);
        await db.SaveChangesAsync();
        return SaveOutcome.Saved;
    }

    /// <summary>Adds the actions agreed from a record to the context; the caller saves them with the record.</summary>
    public static void Add(PortalDbContext db, IEnumerable<(string Description, DateOnly DueOn)> actions, Guid iroId, ActionSource source, Guid sourceId, TimeProvider clock)
    {
        foreach (var (description, dueOn) in actions)
            db.Add(new QaAction
            {
                Id = Guid.CreateVersion7(), IroId = iroId, Source = source, SourceId = sourceId, Description = description,
                DueOn = dueOn, CreatedUtc = clock.GetUtcNow().UtcDateTime, Version = Guid.NewGuid(),
            });
    }
}
