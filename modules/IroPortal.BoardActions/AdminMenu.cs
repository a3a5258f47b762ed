using IroPortal.Modularity.Navigation;

namespace IroPortal.BoardActions;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new(MenuSections.Board, "The board's action plan", "/board/actions", ActionPlanPermissions.Read, "What the board asked for after each report, who owns it, and how far it has got.", 2),
        new(MenuSections.Board, "My board actions", "/board/actions/mine", ActionPlanPermissions.Own, "Actions of the board's that you own: post updates and mark them done.", 5),
    ];
}
