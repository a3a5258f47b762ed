using IroPortal.Performance.Contracts;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity;

namespace IroPortal.Performance.Services;

/// <summary>The home page's review data: reviews late and due soon from the latest data, or that there is none.</summary>
public sealed class PerformanceWorkItems(EarlyWarning warnings, IPermissionChecker permissions, LinkGenerator links) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await permissions.IsGrantedAsync(user, PerformancePermissions.View)) return [];
        var watch = await warnings.ReadAsync(cancellationToken);
        if (!watch.HasData)
            return [new(MenuSections.ReviewData, "Review data", links.PathTo(PerformanceRoutes.Upload), WorkState.ToDo, "Nothing imported", "Import the SSDA903 return and the IRO allocation list.", 50)];
        var (state, status) = watch.Late.Count > 0 ? (WorkState.Overdue, $"{Words.Count(watch.Late.Count, "review")} late")
            : watch.DueSoon.Count > 0 ? (WorkState.DueSoon, $"{watch.DueSoon.Count} due soon")
            : (WorkState.Done, "Nothing late");
        return [new(MenuSections.ReviewData, "Early warning", links.PathTo(PerformanceRoutes.Watch), state, status,
            $"{watch.DueSoon.Count} due in the next {EarlyWarning.SoonWorkingDays} working days; {Words.Count(watch.AboveRange.Count, "IRO")} above {watch.CaseloadHigh} children per full-time IRO. From the data to {UkTime.Format(watch.DataTo)}.", 50)];
    }
}
