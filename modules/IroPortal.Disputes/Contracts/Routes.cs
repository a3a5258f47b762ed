namespace IroPortal.Disputes.Contracts;

/// <summary>The names of this module's routes. Links, redirects, menus and reminders ask for a route by name, so a
/// route's address is written once, on its action. Another module or a theme links here by the name's text.</summary>
public static class DisputeRoutes
{
    public const string Disputes = "Disputes.Disputes.Index";
    public const string Mine = "Disputes.Disputes.Mine";
    public const string New = "Disputes.Disputes.New";
    public const string Escalation = "Disputes.Disputes.Escalation";
    public const string RecordResponse = "Disputes.Disputes.RecordResponse";
    public const string Escalate = "Disputes.Disputes.Escalate";
    public const string Close = "Disputes.Disputes.Close";
    public const string Stages = "Disputes.Disputes.Stages";
}
