using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Performance.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Performance.Services;

/// <summary>A review the data says is due, or overdue: when, and whose. No child is named: the portal keeps no
/// identifier, so the manager finds the child in the case system by these dates.</summary>
public sealed record DueReview(string Iro, DateOnly CareBegan, DateOnly? LastReview, DateOnly Due);

/// <summary>A child whose IRO was not allocated within 5 working days of care beginning.</summary>
public sealed record LateAllocation(DateOnly CareBegan, DateOnly AllocateBy, DateOnly? Allocated, string? Iro);

public sealed record IroLoad(string Iro, int Children, double Fte, double Caseload);

/// <param name="Year">The reporting year of the data read; null when nothing has been imported.</param>
/// <param name="DataTo">The last day the data covers.</param>
/// <param name="Late">Due before the data ends, with no review by then.</param>
/// <param name="SinceData">Due after the data ends but before today: the data cannot say whether they were held.</param>
public sealed record WatchList(int? Year, DateOnly DataTo, DateTime? ImportedUtc, DateOnly Today, DateOnly SoonUntil,
    IReadOnlyList<DueReview> DueSoon, IReadOnlyList<DueReview> Late, IReadOnlyList<DueReview> SinceData, IReadOnlyList<LateAllocation> LateAllocations,
    IReadOnlyList<IroLoad> AboveRange, int CaseloadHigh)
{
    public bool HasData => Year is not null;
}

/// <summary>
/// What needs attention now, from the latest data: reviews due in the next 20 working days and reviews already late
/// (by the statutory timetable, from each child's last review), children whose IRO was not allocated within 5
/// working days of care beginning, and IROs above the Handbook's range per full-time IRO today.
/// </summary>
public sealed class EarlyWarning(PortalDbContext db, ReviewTimeliness timeliness, WorkingDays workingDays, TimeProvider clock)
{
    public const int SoonWorkingDays = 20, AllocateWithinWorkingDays = 5;

    public async Task<WatchList> ReadAsync(CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock);
        var soonUntil = workingDays.Add(today, SoonWorkingDays);
        var latest = await db.Set<ReturnImport>().AsNoTracking().Where(i => i.State == ImportState.Completed)
            .OrderByDescending(i => i.YearStart).ThenByDescending(i => i.FinishedUtc).Select(i => new { i.YearStart, i.FinishedUtc, i.RunsTo }).FirstOrDefaultAsync(cancellationToken);
        if (latest is null) return new(null, today, null, today, soonUntil, [], [], [], [], [], FiguresCalculator.CaseloadHigh);

        var year = latest.YearStart;
        var end = latest.RunsTo ?? ReportingYear.End(year);
        var dataTo = end < today ? end : today;
        var episodes = await db.Set<CareEpisode>().AsNoTracking().Where(e => e.YearStart == year).ToListAsync(cancellationToken);
        var reviews = (await db.Set<CareReview>().AsNoTracking().Where(r => r.YearStart == year).ToListAsync(cancellationToken)).ToLookup(r => r.ChildKey);
        var allocations = (await db.Set<IroAllocation>().AsNoTracking().Where(a => a.YearStart == year).ToListAsync(cancellationToken)).ToLookup(a => a.ChildKey);
        var times = await db.Set<IroWorkingTime>().AsNoTracking().ToListAsync(cancellationToken);

        string? IroOn(string child, DateOnly day) => allocations[child].Where(a => a.From <= day && (a.To is null || a.To >= day)).MaxBy(a => a.From)?.IroName;
        var dueSoon = new List<DueReview>();
        var late = new List<DueReview>();
        var sinceData = new List<DueReview>();
        var lateAllocations = new List<LateAllocation>();
        var children = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in episodes.GroupBy(e => e.ChildKey))
        {
            var periods = CarePeriods.Of(group).ToList();
            // Care that began in the year: was an IRO allocated within 5 working days?
            foreach (var period in periods.Where(p => p.Start >= ReportingYear.Start(year) && p.Start <= dataTo))
            {
                var by = workingDays.Add(period.Start, AllocateWithinWorkingDays);
                var first = allocations[group.Key].Where(a => a.To is null || a.To >= period.Start).MinBy(a => a.From);
                if (first is null || first.From > by) lateAllocations.Add(new(period.Start, by, first?.From, first?.IroName));
            }
            // Still in care at the end of the data: when is the next review due?
            if (periods.LastOrDefault(p => p.LookedAfterOn(dataTo)) is not { } open) continue;
            var timings = timeliness.Assess([open], reviews[group.Key]).Where(t => t.Period is not null).OrderBy(t => t.Review.ReviewDate).ToList();
            var last = timings.LastOrDefault();
            var due = last is null ? workingDays.Add(open.Start, 20) : last.Review.ReviewDate.AddMonths(last.Number == 1 ? 3 : 6);
            var iro = IroOn(group.Key, dataTo) ?? "Not allocated";
            if (iro != "Not allocated") children[iro] = children.GetValueOrDefault(iro) + 1;
            var row = new DueReview(iro, open.Start, last?.Review.ReviewDate, due);
            if (due < dataTo) late.Add(row);
            else if (due < today) sinceData.Add(row);
            else if (due <= soonUntil) dueSoon.Add(row);
        }

        var aboveRange = children.Select(c =>
        {
            var time = times.Where(t => t.IroName.Equals(c.Key, StringComparison.OrdinalIgnoreCase) && t.From <= today).MaxBy(t => t.From);
            var fte = time?.IroFte ?? allocations.SelectMany(a => a).Where(a => a.IroName == c.Key && a.Fte is not null).MaxBy(a => a.From)?.Fte ?? 1.0;
            return new IroLoad(c.Key, c.Value, fte, fte <= 0 ? c.Value : Math.Round(c.Value / fte, 1));
        }).Where(l => l.Caseload > FiguresCalculator.CaseloadHigh).OrderByDescending(l => l.Caseload).ToList();

        return new(year, dataTo, latest.FinishedUtc, today, soonUntil,
            [.. dueSoon.OrderBy(d => d.Due)], [.. late.OrderBy(d => d.Due)], [.. sinceData.OrderBy(d => d.Due)], [.. lateAllocations.OrderByDescending(l => l.CareBegan)], aboveRange, FiguresCalculator.CaseloadHigh);
    }
}
