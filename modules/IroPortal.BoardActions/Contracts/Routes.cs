namespace IroPortal.BoardActions.Contracts;

/// <summary>The names of this module's routes. Links, redirects, menus and reminders ask for a route by name, so a
/// route's address is written once, on its action. Another module or a theme links here by the name's text.</summary>
public static class ActionPlanRoutes
{
    public const string ActionPlan = "BoardActions.ActionPlan.Index";
    public const string ActionPlanYear = "BoardActions.ActionPlan.Year";
    public const string ActionPlanAdd = "BoardActions.ActionPlan.Add";
    public const string ActionPlanPublic = "BoardActions.ActionPlan.Public";
    public const string ActionPlanAction = "BoardActions.ActionPlan.Action";
    public const string ActionPlanUpdate = "BoardActions.ActionPlan.Update";
    public const string ActionPlanChange = "BoardActions.ActionPlan.Change";
    public const string ActionPlanMine = "BoardActions.ActionPlan.Mine";
    public const string YouSaidWeDid = "BoardActions.YouSaidWeDid.Index";
    public const string YouSaidWeDidAdd = "BoardActions.YouSaidWeDid.Add";
    public const string YouSaidWeDidRemove = "BoardActions.YouSaidWeDid.Remove";
}
