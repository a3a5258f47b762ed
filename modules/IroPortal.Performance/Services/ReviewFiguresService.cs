using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Performance.Contracts;
using IroPortal.Performance.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Performance.Services;

internal sealed class ReviewFiguresService(PortalDbContext db, FiguresCalculator calculator, TimeProvider clock) : IReviewFigures
{
    public async Task<ReviewFigures> ForYearAsync(int yearStart, CancellationToken cancellationToken = default)
    {
        var children = await db.Set<CareChild>().AsNoTracking().Where(c => c.YearStart == yearStart).ToListAsync(cancellationToken);
        var episodes = await db.Set<CareEpisode>().AsNoTracking().Where(e => e.YearStart == yearStart).ToListAsync(cancellationToken);
        var reviews = await db.Set<CareReview>().AsNoTracking().Where(r => r.YearStart == yearStart).ToListAsync(cancellationToken);
        var allocations = await db.Set<IroAllocation>().AsNoTracking().Where(a => a.YearStart == yearStart).ToListAsync(cancellationToken);
        var imported = await db.Set<ReturnImport>().Where(i => i.YearStart == yearStart && i.State == ImportState.Completed)
            .OrderByDescending(i => i.FinishedUtc).Select(i => new { i.FinishedUtc, i.RunsTo }).FirstOrDefaultAsync(cancellationToken);
        var workingTimes = await db.Set<IroWorkingTime>().AsNoTracking().ToListAsync(cancellationToken);
        // An extract for part of the year is counted to the last day it covers, and says it is provisional.
        var today = UkTime.Today(clock);
        var upTo = imported?.RunsTo is { } runsTo && runsTo < today ? runsTo : today;
        return calculator.Compute(yearStart, children, episodes, reviews, allocations, upTo, imported?.FinishedUtc, workingTimes) with { Provisional = imported?.RunsTo is not null };
    }

    public async Task<IReadOnlyList<ReviewFigures>> TrendAsync(int yearStart, int years = 5, CancellationToken cancellationToken = default)
    {
        var first = yearStart - years + 1;
        var withData = await db.Set<ReturnImport>().Where(i => i.State == ImportState.Completed && i.YearStart >= first && i.YearStart <= yearStart)
            .Select(i => i.YearStart).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);
        var trend = new List<ReviewFigures>();
        foreach (var year in withData) trend.Add(await ForYearAsync(year, cancellationToken));
        return trend;
    }
}
