using IroPortal.QualityAssurance.Contracts;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.QualityAssurance.Services;

/// <summary>The home page's quality assurance: urgent messages not yet acted on, what is overdue across the IROs
/// this year, and for an IRO their own overdue activities and open actions.</summary>
public sealed class QaWorkItems(PortalDbContext db, ComplianceService compliance, IPermissionChecker permissions, TimeProvider clock, LinkGenerator links) : IWorkItemSource
{
    private const string Section = MenuSections.QualityAssurance;

    public async Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var granted = await permissions.GetGrantedAsync(user);
        var items = new List<WorkItem>();
        var now = clock.GetUtcNow().UtcDateTime;
        var year = ReportingYear.Containing(compliance.Today);

        if (granted.Contains(QaPermissions.Urgent))
        {
            var open = await db.Set<UrgentConcern>().Where(c => c.ActionRecordedUtc == null).Select(c => c.DueUtc).ToListAsync(cancellationToken);
            if (open.Count > 0)
            {
                var late = open.Count(due => due < now);
                items.Add(new(Section, "Urgent messages", links.PathTo(QaRoutes.Urgent), late > 0 ? WorkState.Overdue : WorkState.ToDo,
                    late > 0 ? $"{late} past the deadline" : $"{open.Count} to act on", "Feedback that suggests a child may be at risk, or asks for contact.", 0));
            }
        }
        if (granted.Contains(QaPermissions.Manage))
        {
            var board = await compliance.BoardAsync(year, cancellationToken: cancellationToken);
            var overdue = board.Rows.Sum(r => r.Statuses.Count(s => s.State == ComplianceState.Overdue));
            var iros = board.Rows.Count(r => r.Statuses.Any(s => s.State == ComplianceState.Overdue));
            items.Add(new(Section, "Quality assurance this year", links.PathTo(QaRoutes.Board), overdue > 0 ? WorkState.Overdue : WorkState.Done,
                overdue > 0 ? $"{overdue} overdue" : "Nothing overdue",
                overdue > 0 ? $"Across {iros} of {board.Rows.Count} IROs, in the seven activities." : $"All {board.Rows.Count} IROs are up to date with the seven activities.", 1));
            var actionsLate = await db.Set<QaAction>().CountAsync(a => a.CompletedOn == null && a.DueOn < compliance.Today, cancellationToken);
            if (actionsLate > 0)
                items.Add(new(Section, "QA actions", links.PathTo(QaRoutes.Actions), WorkState.Overdue, $"{actionsLate} overdue", "Actions agreed after observations and audits.", 2));
        }
        if (granted.Contains(QaPermissions.ViewOwn) && user.UserId() is { } me)
        {
            var mine = (await compliance.BoardAsync(year, me, cancellationToken)).Rows.SingleOrDefault();
            var actions = await db.Set<QaAction>().Where(a => a.IroId == me && a.CompletedOn == null).Select(a => a.DueOn).ToListAsync(cancellationToken);
            if (mine is not null || actions.Count > 0)
            {
                var overdue = mine?.Statuses.Count(s => s.State == ComplianceState.Overdue) ?? 0;
                var late = actions.Count(d => d < compliance.Today);
                var state = late > 0 ? WorkState.Overdue : actions.Count > 0 ? WorkState.ToDo : WorkState.Done;
                items.Add(new(Section, "My quality assurance", links.PathTo(QaRoutes.Mine), state,
                    late > 0 ? $"{Words.Count(late, "action")} overdue" : actions.Count > 0 ? $"{Words.Count(actions.Count, "action")} open" : "No actions open",
                    overdue > 0 ? $"{overdue} of your seven activities overdue this year." : "Your observations, audits, actions and feedback.", 3));
            }
        }
        return items;
    }
}
