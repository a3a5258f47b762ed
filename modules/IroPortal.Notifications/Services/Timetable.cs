using IroPortal.Data;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.Scheduling;
using IroPortal.Notifications.Contracts;
using IroPortal.Notifications.Models;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Notifications.Services;

/// <summary>When a milestone reminder is due: once in the days before it, and on the day itself.</summary>
public static class MilestoneDates
{
    /// <returns>"before", "on-the-day", or null when nothing is due today.</returns>
    public static string? OccurrenceOn(DateOnly milestone, int remindDaysBefore, DateOnly today) =>
        today == milestone ? "on-the-day"
        : today < milestone && today >= milestone.AddDays(-remindDaysBefore) ? "before"
        : null;
}

/// <summary>The report timetable's reminders: each milestone reminds the roles it names.</summary>
public sealed class TimetableReminders(PortalDbContext db, IStaffDirectory staff, LinkGenerator links) : IReminderRule
{
    public string Key => "notifications.timetable";
    public string Name => "Report timetable";
    public string Description => "Reminds the people each milestone names, the number of days it says before, and again on the day.";
    public string Schedule => "0 0 8 * * ?";
    public IReadOnlyList<RuleParameter> Parameters => [];

    public async Task<IReadOnlyList<ReminderOccurrence>> DueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var today = context.Today;
        var horizon = today.AddDays(60);
        var milestones = await db.Set<Milestone>().AsNoTracking().Where(m => m.Date >= today && m.Date <= horizon).ToListAsync(cancellationToken);
        var due = new List<ReminderOccurrence>();
        var inRole = new Dictionary<string, IReadOnlyList<StaffMember>>(); // each role read once a run, not once a milestone
        foreach (var milestone in milestones)
        {
            if (MilestoneDates.OccurrenceOn(milestone.Date, milestone.RemindDaysBefore, today) is not { } occurrence) continue;
            var onTheDay = occurrence == "on-the-day";
            var title = onTheDay ? $"Today: {milestone.Title}" : $"{milestone.Title} on {UkTime.Format(milestone.Date)}";
            var body = onTheDay
                ? $"{milestone.Title} is today, {UkTime.Format(milestone.Date)}."
                : $"{milestone.Title} is on {UkTime.Format(milestone.Date)}, in {milestone.Date.DayNumber - today.DayNumber} days.";
            var people = new Dictionary<Guid, StaffMember>();
            foreach (var role in milestone.RoleList)
            {
                if (!inRole.TryGetValue(role, out var members)) inRole[role] = members = await staff.InRoleAsync(role, cancellationToken);
                foreach (var person in members)
                    people.TryAdd(person.Id, person);
            }
            foreach (var person in people.Values)
                due.Add(new ReminderOccurrence($"milestone:{milestone.Id}:{milestone.Date:yyyy-MM-dd}", occurrence, ReminderRecipient.User(person.Id),
                    title, body, links.PathTo(person.Roles.Contains(PortalRoles.IroManager) ? NotificationRoutes.RemindersTimetable : NotificationRoutes.Notifications), Urgent: onTheDay));
        }
        return due;
    }
}
