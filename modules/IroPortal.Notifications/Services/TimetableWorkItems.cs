using IroPortal.Notifications.Contracts;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Notifications.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Notifications.Services;

/// <summary>The home page's timetable: the next milestones for this user's roles in the coming 60 days (the board
/// meeting, when papers are due), due soon once their reminder would go.</summary>
public sealed class TimetableWorkItems(PortalDbContext db, IroPortal.Modularity.Permissions.IPermissionChecker permissions, TimeProvider clock, LinkGenerator links) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        if (roles.Count == 0) return [];
        var milestones = await db.Set<Milestone>().AsNoTracking().Where(m => m.Date >= today && m.Date <= today.AddDays(60)).OrderBy(m => m.Date).ToListAsync(cancellationToken);
        var manages = await permissions.IsGrantedAsync(user, NotificationPermissions.ManageReminders);
        return milestones.Where(m => m.RoleList.Any(roles.Contains)).Take(3).Select(m =>
        {
            var days = m.Date.DayNumber - today.DayNumber;
            return new WorkItem(MenuSections.AnnualReport, m.Title, links.PathTo(manages ? NotificationRoutes.RemindersTimetable : NotificationRoutes.Notifications),
                days <= m.RemindDaysBefore ? WorkState.DueSoon : WorkState.ToDo,
                days == 0 ? "Today" : UkTime.Format(m.Date), days == 0 ? "" : $"In {Words.Count(days, "day")}.", 20);
        }).ToList();
    }
}
