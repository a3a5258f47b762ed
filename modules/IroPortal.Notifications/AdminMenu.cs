using IroPortal.Modularity.Navigation;
using IroPortal.Notifications.Contracts;

namespace IroPortal.Notifications;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new(MenuSections.Settings, "Reminders", NotificationRoutes.Reminders, NotificationPermissions.ManageReminders, "Choose who is reminded of what, and when.", 1),
        new(MenuSections.AnnualReport, "Report timetable", NotificationRoutes.RemindersTimetable, NotificationPermissions.ManageReminders, "The board meeting, when papers are due, and who is reminded.", 2),
        new(MenuSections.Settings, "Scheduled jobs", NotificationRoutes.Jobs, NotificationPermissions.ManageJobs, "Every scheduled job, when it runs next, how it went, and the email outbox.", 40),
    ];
}
