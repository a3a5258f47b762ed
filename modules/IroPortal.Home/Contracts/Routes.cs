namespace IroPortal.Home.Contracts;

/// <summary>The names of this module's routes. Links, redirects, menus and reminders ask for a route by name, so a
/// route's address is written once, on its action. Another module or a theme links here by the name's text.</summary>
public static class HomeRoutes
{
    public const string PublicHome = "Home.PublicHome.Index";
    public const string StaffHome = "Home.StaffHome.Index";
}
