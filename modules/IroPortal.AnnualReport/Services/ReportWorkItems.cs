using IroPortal.AnnualReport.Contracts;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;
using IroPortal.AnnualReport.Models;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.AnnualReport.Services;

/// <summary>The home page's annual report: the stage of the report on the last reporting year, for the manager who
/// writes it and for the senior managers who review it.</summary>
public sealed class ReportWorkItems(PortalDbContext db, IPermissionChecker permissions, TimeProvider clock, LinkGenerator links) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var granted = await permissions.GetGrantedAsync(user);
        var manages = granted.Contains(ReportPermissions.Manage);
        if (!manages && !granted.Contains(ReportPermissions.Review)) return [];
        // The report written this year is on the reporting year that ended last 31 March.
        var year = ReportingYear.Containing(UkTime.Today(clock)) - 1;
        var report = await db.Set<Report>().AsNoTracking().Where(r => r.YearStart == year).Select(r => new { r.Status }).SingleOrDefaultAsync(cancellationToken);
        var title = $"Annual report {ReportingYear.Name(year)}";
        if (manages)
            return [report switch
            {
                null => new WorkItem(MenuSections.AnnualReport, title, links.PathTo(ReportRoutes.Reports), WorkState.ToDo, "Not started", "Start the report: its sections come ready with the year's figures.", 12),
                { Status: ReportStatus.Draft } => new(MenuSections.AnnualReport, title, links.PathTo(ReportRoutes.ReportsCompile, new { year }), WorkState.ToDo, "Draft", "Write its sections, then send it for review.", 12),
                { Status: ReportStatus.InReview } => new(MenuSections.AnnualReport, title, links.PathTo(ReportRoutes.ReportsCompile, new { year }), WorkState.ToDo, "In review", "Senior managers are reading it; approve it when their comments are answered.", 12),
                _ => new(MenuSections.AnnualReport, title, links.PathTo("Publishing.Publishing.Index"), WorkState.Done, "Approved", "Publish it to the board and the public.", 12),
            }];
        return report is { Status: ReportStatus.InReview }
            ? [new WorkItem(MenuSections.AnnualReport, title, links.PathTo(ReportRoutes.ReportsRead, new { year }), WorkState.ToDo, "To review", "Read it and comment on its sections.", 12)]
            : [];
    }
}
