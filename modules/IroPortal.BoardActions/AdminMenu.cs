using IroPortal.Modularity.Navigation;
using IroPortal.BoardActions.Contracts;

namespace IroPortal.BoardActions;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new(MenuSections.Board, "The board's action plan", ActionPlanRoutes.ActionPlan, ActionPlanPermissions.Read, "What the board asked for after each report, who owns it, and how far it has got.", 2),
        new(MenuSections.Board, "My board actions", ActionPlanRoutes.ActionPlanMine, ActionPlanPermissions.Own, "Actions of the board's that you own: post updates and mark them done.", 5),
    ];
}
