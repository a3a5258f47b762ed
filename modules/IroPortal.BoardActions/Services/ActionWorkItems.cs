using IroPortal.BoardActions.Contracts;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;
using IroPortal.BoardActions.Models;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.BoardActions.Services;

/// <summary>The home page's board actions: those overdue across the plan, and the ones this user owns.</summary>
public sealed class ActionWorkItems(PortalDbContext db, IPermissionChecker permissions, TimeProvider clock, LinkGenerator links) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var granted = await permissions.GetGrantedAsync(user);
        var today = UkTime.Today(clock);
        var items = new List<WorkItem>();
        var open = await db.Set<BoardAction>().AsNoTracking().Where(a => a.DoneOn == null).Select(a => new { a.OwnerId, a.Due }).ToListAsync(cancellationToken);
        if (granted.Contains(ActionPlanPermissions.Read))
        {
            var late = open.Count(a => a.Due < today);
            items.Add(new(MenuSections.Board, "The board's action plan", links.PathTo(ActionPlanRoutes.ActionPlan), late > 0 ? WorkState.Overdue : WorkState.Done,
                late > 0 ? $"{late} overdue" : "Nothing overdue", $"{Words.Count(open.Count, "action")} open.", 30));
        }
        var mine = open.Where(a => a.OwnerId == user.UserId()).ToList();
        if (granted.Contains(ActionPlanPermissions.Own) && mine.Count > 0)
        {
            var late = mine.Count(a => a.Due < today);
            var next = mine.Min(a => a.Due);
            items.Add(new(MenuSections.Board, "My board actions", links.PathTo(ActionPlanRoutes.ActionPlanMine), late > 0 ? WorkState.Overdue : WorkState.ToDo,
                late > 0 ? $"{late} overdue" : $"{mine.Count} open", $"The next is due {UkTime.Format(next)}.", 31));
        }
        return items;
    }
}
