using IroPortal.Modularity.Permissions;

namespace IroPortal.Notifications;

public sealed class NotificationPermissions : IPermissionProvider
{
    /// <summary>Switch reminder rules on and off, change their days, and set the report timetable.</summary>
    public const string ManageReminders = "Notifications.ManageReminders";
    /// <summary>See the scheduler's jobs and the outbox, run a job now, pause and resume it.</summary>
    public const string ManageJobs = "Notifications.ManageJobs";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageReminders, "Set reminders and the report timetable", "Reminders",
            "Switch each reminder on or off, choose how many days before and how often it comes, and set the report's milestones such as the board meeting."),
        new(ManageJobs, "Run the scheduled jobs", "Administration",
            "See every scheduled job with its next and last run, failures and the email outbox; run a job now, pause and resume it."),
    ];

    public IEnumerable<DefaultGrant> GetDefaultGrants() =>
    [
        new(PortalRoles.IroManager, ManageReminders),
        new(PortalRoles.Administrator, ManageJobs),
    ];
}
