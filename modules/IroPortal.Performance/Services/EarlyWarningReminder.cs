using IroPortal.Modularity.Navigation;
using IroPortal.Performance.Contracts;
using Microsoft.AspNetCore.Routing;
using System.Globalization;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.Scheduling;
using IroPortal.Users.Contracts;

namespace IroPortal.Performance.Services;

/// <summary>Each Monday morning, the IRO managers hear the early warning's counts, with the page to act on.</summary>
public sealed class EarlyWarningReminder(EarlyWarning warnings, IStaffDirectory staff, LinkGenerator links) : IReminderRule
{
    public string Key => "performance.early-warning";
    public string Name => "Early warning, weekly";
    public string Description => "Every Monday at 8am, tells IRO managers how many reviews are late and due in the next 20 working days, IROs allocated late, and IROs above the caseload range.";
    public string Schedule => "0 8 * * 1";
    public IReadOnlyList<RuleParameter> Parameters => [];

    public async Task<IReadOnlyList<ReminderOccurrence>> DueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var watch = await warnings.ReadAsync(cancellationToken);
        if (!watch.HasData) return [];
        // Once a week: the occurrence is the week's Monday.
        var monday = context.Today.AddDays(-(((int)context.Today.DayOfWeek + 6) % 7));
        var week = monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = $"This week: {Words.Count(watch.Late.Count, "review")} late, {watch.DueSoon.Count} due in the next {EarlyWarning.SoonWorkingDays} working days";
        var body = $"{Words.Count(watch.LateAllocations.Count, "child", "children")} had an IRO allocated later than {EarlyWarning.AllocateWithinWorkingDays} working days after care began; "
            + $"{Words.Count(watch.AboveRange.Count, "IRO")} above {watch.CaseloadHigh} children per full-time IRO. From the data to {UkTime.Format(watch.DataTo)}.";
        return (await staff.InRoleAsync(PortalRoles.IroManager, cancellationToken))
            .Select(m => new ReminderOccurrence($"early-warning:{week}", "weekly", ReminderRecipient.User(m.Id), title, body, links.PathTo(PerformanceRoutes.Watch))).ToList();
    }
}
