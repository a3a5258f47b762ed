namespace IroPortal.Contributions.Contracts;

/// <summary>The names of this module's routes. Links, redirects, menus and reminders ask for a route by name, so a
/// route's address is written once, on its action. Another module or a theme links here by the name's text.</summary>
public static class ContributionRoutes
{
    public const string Rounds = "Contributions.Rounds.Index";
    public const string RoundsCreate = "Contributions.Rounds.Create";
    public const string RoundsDetails = "Contributions.Rounds.Details";
    public const string ContributionsMine = "Contributions.Contributions.Mine";
    public const string ContributionsDetails = "Contributions.Contributions.Details";
    public const string ContributionsEdit = "Contributions.Contributions.Edit";
    public const string ContributionsAccept = "Contributions.Contributions.Accept";
    public const string ContributionsReturn = "Contributions.Contributions.Return";
}
