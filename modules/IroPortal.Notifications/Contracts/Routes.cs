namespace IroPortal.Notifications.Contracts;

/// <summary>The names of this module's routes. Links, redirects, menus and reminders ask for a route by name, so a
/// route's address is written once, on its action. Another module or a theme links here by the name's text.</summary>
public static class NotificationRoutes
{
    public const string Reminders = "Notifications.Reminders.Index";
    public const string RemindersEdit = "Notifications.Reminders.Edit";
    public const string RemindersTimetable = "Notifications.Reminders.Timetable";
    public const string RemindersAddMilestone = "Notifications.Reminders.AddMilestone";
    public const string RemindersAddBoardMeeting = "Notifications.Reminders.AddBoardMeeting";
    public const string RemindersRemoveMilestone = "Notifications.Reminders.RemoveMilestone";
    public const string Notifications = "Notifications.Notifications.Index";
    public const string Open = "Notifications.Notifications.Open";
    public const string MarkRead = "Notifications.Notifications.MarkRead";
    public const string MarkAllRead = "Notifications.Notifications.MarkAllRead";
    public const string Preferences = "Notifications.Notifications.Preferences";
    public const string Jobs = "Notifications.Jobs.Index";
    public const string JobsDetails = "Notifications.Jobs.Details";
    public const string JobsOutcome = "Notifications.Jobs.Outcome";
    public const string JobsRunNow = "Notifications.Jobs.RunNow";
    public const string JobsPause = "Notifications.Jobs.Pause";
    public const string JobsResume = "Notifications.Jobs.Resume";
    public const string JobsRetry = "Notifications.Jobs.Retry";
}
