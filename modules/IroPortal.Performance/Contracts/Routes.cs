namespace IroPortal.Performance.Contracts;

/// <summary>The names of this module's routes. Links, redirects, menus and reminders ask for a route by name, so a
/// route's address is written once, on its action. Another module or a theme links here by the name's text.</summary>
public static class PerformanceRoutes
{
    public const string WorkingTime = "Performance.WorkingTime.Index";
    public const string WorkingTimeAdd = "Performance.WorkingTime.Add";
    public const string WorkingTimeRemove = "Performance.WorkingTime.Remove";
    public const string Watch = "Performance.Watch.Index";
    public const string Performance = "Performance.Performance.Index";
    public const string Export = "Performance.Performance.Export";
    public const string Upload = "Performance.Performance.Upload";
    public const string Check = "Performance.Performance.Check";
    public const string Problems = "Performance.Performance.Problems";
    public const string Confirm = "Performance.Performance.Confirm";
    public const string History = "Performance.Performance.History";
    public const string Import = "Performance.Performance.Import";
}
