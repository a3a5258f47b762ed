using IroPortal.Data;
using IroPortal.Publishing.Contracts;
using IroPortal.Publishing.Controllers;
using IroPortal.Publishing.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Publishing.Services;

internal sealed class BoardReports(PortalDbContext db) : IBoardReports
{
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Release>().AsNoTracking().Where(r => r.Audience == Audience.Board).Select(r => r.YearStart).Distinct()
            .OrderByDescending(y => y).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<BoardSection>> SectionsAsync(int yearStart, CancellationToken cancellationToken = default)
    {
        var sections = await db.Set<Release>().AsNoTracking().Where(r => r.YearStart == yearStart && r.Audience == Audience.Board)
            .OrderByDescending(r => r.Number).Select(r => r.Sections).FirstOrDefaultAsync(cancellationToken);
        return sections is null ? [] : ReleaseSection.Read(sections).Select(s => new BoardSection(s.Anchor, s.Title)).ToList();
    }

    public async Task<BoardResolutionRecord?> ResolutionAsync(int yearStart, CancellationToken cancellationToken = default) =>
        await db.Set<BoardResolution>().AsNoTracking().Where(r => r.YearStart == yearStart).FirstOrDefaultAsync(cancellationToken) is { } r
            ? new(r.YearStart, r.MeetingDate, r.Outcome, BoardController.OutcomeName(r.Outcome), r.Minute, r.RecordedUtc, r.RecordedByName)
            : null;
}
