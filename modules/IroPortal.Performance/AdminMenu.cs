using IroPortal.Modularity.Navigation;
using IroPortal.Performance.Contracts;

namespace IroPortal.Performance;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new(MenuSections.ReviewData, "Review figures", PerformanceRoutes.Performance, PerformancePermissions.View, "Reviews held on time, children's participation and IROs' caseloads, by reporting year.", 10),
        new(MenuSections.ReviewData, "Early warning", PerformanceRoutes.Watch, PerformancePermissions.View, "Reviews late and due soon by IRO, IROs allocated late, and IROs above the caseload range.", 10),
        new(MenuSections.ReviewData, "Import the return", PerformanceRoutes.Upload, PerformancePermissions.Import, "Upload the SSDA903 return and the IRO allocation list.", 11),
    ];
}
