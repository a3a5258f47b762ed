using IroPortal.Publishing.Contracts;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using IroPortal.Publishing.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Publishing.Services;

/// <summary>The home page's board papers: the latest board version waiting for the board's resolution, with the
/// meeting date; for the manager, the board's questions not yet answered.</summary>
public sealed class BoardWorkItems(PortalDbContext db, IPermissionChecker permissions, TimeProvider clock, LinkGenerator links) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var granted = await permissions.GetGrantedAsync(user);
        if (!granted.Contains(PublishingPermissions.ReadBoard)) return [];
        var latest = await db.Set<Release>().AsNoTracking().Where(r => r.Audience == Audience.Board)
            .OrderByDescending(r => r.YearStart).ThenByDescending(r => r.Number).Select(r => new { r.YearStart, r.MeetingDate }).FirstOrDefaultAsync(cancellationToken);
        if (latest is null) return [];
        var items = new List<WorkItem>();
        var resolved = await db.Set<BoardResolution>().AnyAsync(r => r.YearStart == latest.YearStart, cancellationToken);
        var today = UkTime.Today(clock);
        var title = $"Board papers: annual report {ReportingYear.Name(latest.YearStart)}";
        var url = links.PathTo(PublishingRoutes.BoardRead, new { year = latest.YearStart });
        if (resolved)
            items.Add(new(MenuSections.Board, title, url, WorkState.Done, "Resolution recorded", "", 32));
        else
            items.Add(new(MenuSections.Board, title, url, latest.MeetingDate is { } meeting && meeting.DayNumber - today.DayNumber is >= 0 and <= 10 ? WorkState.DueSoon : WorkState.ToDo,
                latest.MeetingDate is { } day ? (day >= today ? $"Meeting {UkTime.Format(day)}" : $"Met {UkTime.Format(day)}") : "Ready to read",
                granted.Contains(PublishingPermissions.RecordResolution) ? "Read the report, ask questions, and record the board's resolution after the meeting." : "Read the report and ask your questions before the meeting.", 32));
        if (granted.Contains(PublishingPermissions.Publish))
        {
            var unanswered = await db.Set<BoardQuestion>().CountAsync(q => q.YearStart == latest.YearStart && q.Answer == null, cancellationToken);
            if (unanswered > 0)
                items.Add(new(MenuSections.Board, "The board's questions", url, WorkState.ToDo, $"{unanswered} to answer", "", 33));
        }
        return items;
    }
}
