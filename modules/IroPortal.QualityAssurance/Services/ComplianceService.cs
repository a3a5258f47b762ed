using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.ViewModels;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.QualityAssurance.Services;

public sealed record IroCompliance(StaffMember Iro, DateOnly TrackedFrom, IReadOnlyList<ComplianceStatus> Statuses, IReadOnlyDictionary<QaActivity, int> TimesInPeriod)
{
    public ComplianceStatus this[QaActivity activity] => Statuses.Single(s => s.Activity == activity);
}

/// <param name="AsOf">The day statuses are worked out for: today, or the end of a past year.</param>
/// <param name="Done">Every day each activity was done for each IRO, up to <paramref name="AsOf"/>.</param>
public sealed record ComplianceBoard(int Year, DateOnly From, DateOnly AsOf, IReadOnlyList<IroCompliance> Rows, IReadOnlyList<QaStandard> Standards,
    IReadOnlyDictionary<(Guid Iro, QaActivity Activity), List<DateOnly>> Done)
{
    public IReadOnlyList<DateOnly> DatesDone(Guid iro, QaActivity activity) => Done.GetValueOrDefault((iro, activity)) ?? [];
}

/// <summary>When each of the seven activities was last done for each IRO, and what is overdue.</summary>
public sealed class ComplianceService(PortalDbContext db, IStaffDirectory staff, TimeProvider clock)
{
    public DateOnly Today => UkTime.Today(clock);

    public async Task<ComplianceBoard> BoardAsync(int year, Guid? onlyIro = null, CancellationToken cancellationToken = default)
    {
        var from = ReportingYear.Start(year);
        var asOf = Min(ReportingYear.End(year), Today);
        var iros = (await staff.InRoleAsync(PortalRoles.Iro, cancellationToken)).Where(i => onlyIro is null || i.Id == onlyIro).ToList();
        var standards = await db.Set<QaStandard>().AsNoTracking().ToListAsync(cancellationToken);
        var done = await DoneDatesAsync(asOf, onlyIro, cancellationToken);

        var rows = iros.Select(iro =>
        {
            var trackedFrom = TrackedFrom(iro, standards);
            var statuses = QaText.Activities.Select(activity =>
            {
                var dates = done.GetValueOrDefault((iro.Id, activity)) ?? [];
                return OverdueRules.Status(activity, dates.Count > 0 ? dates.Max() : null, trackedFrom, standards, asOf);
            }).ToList();
            var times = QaText.Activities.ToDictionary(a => a, a => (done.GetValueOrDefault((iro.Id, a)) ?? []).Count(d => d >= from));
            return new IroCompliance(iro, trackedFrom, statuses, times);
        }).ToList();
        return new ComplianceBoard(year, from, asOf, rows, standards, done);
    }

    /// <summary>Every day each activity was done for each IRO, up to a day.</summary>
    private async Task<Dictionary<(Guid Iro, QaActivity Activity), List<DateOnly>>> DoneDatesAsync(DateOnly until, Guid? onlyIro = null, CancellationToken cancellationToken = default)
    {
        var observations = await db.Set<Observation>().Where(o => o.ObservedOn <= until && (onlyIro == null || o.IroId == onlyIro))
            .Select(o => new { o.IroId, Date = o.ObservedOn }).ToListAsync(cancellationToken);
        var audits = await db.Set<CaseFileAudit>().Where(a => a.AuditedOn <= until && (onlyIro == null || a.IroId == onlyIro))
            .Select(a => new { a.IroId, Date = a.AuditedOn }).ToListAsync(cancellationToken);
        var feedback = await db.Set<FeedbackResponse>().Where(r => r.ReceivedOn <= until && (onlyIro == null || r.IroId == onlyIro))
            .Select(r => new { r.IroId, r.RespondentType, Date = r.ReceivedOn }).ToListAsync(cancellationToken);

        return observations.Select(o => (o.IroId, QaActivity.Observation, o.Date))
            .Concat(audits.Select(a => (a.IroId, QaActivity.CaseFileAudit, a.Date)))
            .Concat(feedback.Select(f => (f.IroId, f.RespondentType, f.Date)))
            .GroupBy(x => (x.Item1, x.Item2))
            .ToDictionary(g => g.Key, g => g.Select(x => x.Item3).ToList());
    }

    /// <summary>An IRO's quality assurance runs from when they joined or when the service began keeping
    /// these standards, whichever is later.</summary>
    public static DateOnly TrackedFrom(StaffMember iro, IReadOnlyList<QaStandard> standards)
    {
        var joined = DateOnly.FromDateTime(UkTime.FromUtc(iro.Since));
        var began = standards.Count == 0 ? joined : standards.Min(s => s.EffectiveFrom);
        return Max(joined, began);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>One IRO's records for a year; drafts only for the manager.</summary>
    public async Task<IroPage?> IroPageAsync(Guid iroId, int year, bool includeDrafts)
    {
        var board = await BoardAsync(year, iroId);
        if (board.Rows.Count == 0) return null;
        var observations = await db.Set<Observation>().AsNoTracking().Where(o => o.IroId == iroId && (includeDrafts || o.Status != RecordStatus.Draft))
            .OrderByDescending(o => o.ObservedOn).ToListAsync();
        var audits = await db.Set<CaseFileAudit>().AsNoTracking().Where(a => a.IroId == iroId).OrderByDescending(a => a.AuditedOn).ToListAsync();
        var actions = await db.Set<QaAction>().AsNoTracking().Where(a => a.IroId == iroId && a.CompletedOn == null).OrderBy(a => a.DueOn).ToListAsync();
        var feedback = await db.Set<FeedbackResponse>().AsNoTracking().Include(r => r.Answers).Where(r => r.IroId == iroId)
            .OrderByDescending(r => r.ReceivedOn).Take(50).ToListAsync();
        return new IroPage(board.Rows[0], year, observations, audits, actions, feedback, !includeDrafts);
    }

    public async Task<IReadOnlyList<QaStandard>> StandardsHistoryAsync() =>
        await db.Set<QaStandard>().AsNoTracking().OrderByDescending(s => s.EffectiveFrom).ToListAsync();

    /// <summary>Sets the standards from today: the days before keep the standard that was in force then.
    /// Returns how many changed.</summary>
    public async Task<int> SetStandardsAsync(IReadOnlyList<(QaActivity Activity, int IntervalMonths)> wanted, string by)
    {
        var today = Today;
        var current = await db.Set<QaStandard>().ToListAsync();
        var changed = 0;
        foreach (var (activity, months) in wanted)
        {
            if (OverdueRules.IntervalOn(current, activity, today) == months) continue;
            var todays = current.SingleOrDefault(s => s.Activity == activity && s.EffectiveFrom == today);
            if (todays is not null) todays.IntervalMonths = months;
            else db.Add(new QaStandard { Id = Guid.CreateVersion7(), Activity = activity, IntervalMonths = months, EffectiveFrom = today, SetBy = by, SetUtc = clock.GetUtcNow().UtcDateTime });
            changed++;
        }
        await db.SaveChangesAsync();
        return changed;
    }
}
