using IroPortal.Contributions.Contracts;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;
using IroPortal.Contributions.Models;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Contributions.Services;

/// <summary>The home page's contribution round: for the manager, who has sent theirs and what waits to be read; for
/// an IRO, their own contribution to the latest round and whether it came back for changes.</summary>
public sealed class ContributionWorkItems(PortalDbContext db, IPermissionChecker permissions, TimeProvider clock, LinkGenerator links) : IWorkItemSource
{
    private const string Section = MenuSections.AnnualReport;

    public async Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var granted = await permissions.GetGrantedAsync(user);
        var items = new List<WorkItem>();
        var today = UkTime.Today(clock);
        var round = await db.Set<ContributionRound>().AsNoTracking().Include(r => r.Contributions)
            .OrderByDescending(r => r.OpenedUtc).FirstOrDefaultAsync(cancellationToken);

        if (granted.Contains(ContributionPermissions.Manage))
        {
            if (round is null)
                items.Add(new(Section, "Contribution round", links.PathTo(ContributionRoutes.RoundsCreate), WorkState.ToDo, "Not opened", "Ask the IROs for their contributions to the annual report.", 10));
            else
            {
                var all = round.Contributions.Count;
                var sent = round.Contributions.Count(c => c.Status is ContributionStatus.Submitted or ContributionStatus.Accepted);
                var toRead = round.Contributions.Count(c => c.Status == ContributionStatus.Submitted);
                var (state, status) = sent < all && today > round.Deadline ? (WorkState.Overdue, $"{all - sent} late")
                    : toRead > 0 ? (WorkState.ToDo, $"{toRead} to read")
                    : sent < all ? (WorkState.ToDo, $"Due {UkTime.Format(round.Deadline)}")
                    : (WorkState.Done, "All accepted");
                items.Add(new(Section, $"Contributions for {ReportingYear.Name(round.YearStart)}", links.PathTo(ContributionRoutes.RoundsDetails, new { id = round.Id }), state, status,
                    $"{sent} of {all} IROs have sent theirs; the deadline is {UkTime.Format(round.Deadline)}.", 10));
            }
        }
        if (granted.Contains(ContributionPermissions.Contribute) && round?.Contributions.SingleOrDefault(c => c.IroId == user.UserId()) is { } mine)
        {
            var (state, status) = mine.Status switch
            {
                ContributionStatus.Returned => (WorkState.ToDo, "Returned for changes"),
                ContributionStatus.Submitted => (WorkState.Done, "Sent"),
                ContributionStatus.Accepted => (WorkState.Done, "Accepted"),
                _ when today > round.Deadline => (WorkState.Overdue, $"Was due {UkTime.Format(round.Deadline)}"),
                _ => (WorkState.ToDo, $"Due {UkTime.Format(round.Deadline)}"),
            };
            items.Add(new(Section, $"My contribution for {ReportingYear.Name(round.YearStart)}", links.PathTo(ContributionRoutes.ContributionsDetails, new { id = mine.Id }), state, status,
                mine.Status == ContributionStatus.Returned && mine.ManagerComments.Length > 0 ? "The manager's comments are on the contribution." : "", 11));
        }
        return items;
    }
}
