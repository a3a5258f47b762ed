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
            .OrderByDescending(i => i.FinishedUtc).Select(i => i.FinishedUtc).FirstOrDefaultAsync(cancellationToken);
        return calculator.Compute(yearStart, children, episodes, reviews, allocations, UkTime.Today(clock), imported);
    }
}
