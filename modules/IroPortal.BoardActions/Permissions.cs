using IroPortal.Modularity.Permissions;

namespace IroPortal.BoardActions;

public sealed class ActionPlanPermissions : IPermissionProvider
{
    /// <summary>Read the board's action plans and every action's history.</summary>
    public const string Read = "BoardActions.Read";
    /// <summary>Record, change and close actions, post updates on any of them, and choose the public summary.</summary>
    public const string Manage = "BoardActions.Manage";
    /// <summary>Be an action's owner: see the actions you own, post updates on them and mark them done.</summary>
    public const string Own = "BoardActions.Own";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(Read, "Read the board's action plan", "The board's action plan", "See the actions the board agreed, by status, with their history. Owners always see their own."),
        new(Manage, "Keep the board's action plan", "The board's action plan",
            "Record actions from the board's resolution, change their owner or due date, post updates, mark them done, and show a summary on the public report."),
        new(Own, "Own the board's actions", "The board's action plan", "Be chosen as an action's owner; see your actions, post updates on them and mark them done."),
    ];

    public IEnumerable<DefaultGrant> GetDefaultGrants() =>
    [
        new(PortalRoles.IroManager, Read, Manage, Own),
        new(PortalRoles.BoardClerk, Read, Manage),
        new(PortalRoles.BoardMember, Read, Own),
        new(PortalRoles.SeniorManager, Read, Own),
        new(PortalRoles.Iro, Own),
    ];
}
