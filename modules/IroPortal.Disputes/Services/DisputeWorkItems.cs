using IroPortal.Disputes.Contracts;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;
using IroPortal.Data;
using IroPortal.Disputes.Models;
using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Disputes.Services;

/// <summary>The home page's escalations: responses late or needing the next step, across the service for the
/// manager, and an IRO's own.</summary>
public sealed class DisputeWorkItems(PortalDbContext db, IPermissionChecker permissions, TimeProvider clock, LinkGenerator links) : IWorkItemSource
{
    public async Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var granted = await permissions.GetGrantedAsync(user);
        var all = granted.Contains(DisputePermissions.ViewAll);
        if (!all && !granted.Contains(DisputePermissions.Record)) return [];
        var me = user.UserId();
        var open = await db.Set<Escalation>().AsNoTracking().Include(e => e.Steps)
            .Where(e => e.ResolvedOn == null && e.ClosedOn == null && (all || e.IroId == me)).ToListAsync(cancellationToken);
        var today = UkTime.Today(clock);
        var items = new List<WorkItem>();
        void Add(string title, string url, IReadOnlyList<Escalation> escalations, int order)
        {
            var states = escalations.Select(e => DisputeRules.StateOf(e, today)).ToList();
            var late = states.Count(s => s == EscalationState.Late);
            var nextStep = states.Count(s => s == EscalationState.NextStepNeeded);
            var (state, status) = late > 0 ? (WorkState.Overdue, $"{Words.Count(late, "response")} late")
                : nextStep > 0 ? (WorkState.ToDo, $"{nextStep} need{(nextStep == 1 ? "s" : "")} the next step")
                : (WorkState.Done, escalations.Count == 0 ? "None open" : "Nothing late");
            items.Add(new(MenuSections.Disputes, title, url, state, status, $"{escalations.Count} open.", order));
        }
        if (all) Add("Escalations across the service", links.PathTo(DisputeRoutes.Disputes), open, 40);
        if (granted.Contains(DisputePermissions.Record) && open.Where(e => e.IroId == me).ToList() is { Count: > 0 } mine) Add("My escalations", links.PathTo(DisputeRoutes.Mine), mine, 41);
        return items;
    }
}
