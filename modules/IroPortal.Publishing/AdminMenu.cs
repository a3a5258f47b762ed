using IroPortal.Modularity.Navigation;

namespace IroPortal.Publishing;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new(MenuSections.AnnualReport, "Publishing", "/publishing", PublishingPermissions.Publish, "Publish the approved report to the board and the public, and the children's summary, after the privacy guard.", 2),
        new(MenuSections.Board, "The board version", "/board", PublishingPermissions.ReadBoard, "Read the annual report for the board, ask questions and see the board's resolution.", 1),
    ];
}
