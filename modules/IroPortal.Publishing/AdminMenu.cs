using IroPortal.Modularity.Navigation;
using IroPortal.Publishing.Contracts;

namespace IroPortal.Publishing;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new(MenuSections.AnnualReport, "Publishing", PublishingRoutes.Publishing, PublishingPermissions.Publish, "Publish the approved report to the board and the public, and the children's summary, after the privacy guard.", 2),
        new(MenuSections.Board, "The board version", PublishingRoutes.Board, PublishingPermissions.ReadBoard, "Read the annual report for the board, ask questions and see the board's resolution.", 1),
    ];
}
