using IroPortal.Modularity.Navigation;

namespace IroPortal.Performance;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new(MenuSections.ReviewData, "Review figures", "/performance", PerformancePermissions.View, "Reviews held on time, children's participation and IROs' caseloads, by reporting year.", 10),
        new(MenuSections.ReviewData, "Early warning", "/performance/watch", PerformancePermissions.View, "Reviews late and due soon by IRO, IROs allocated late, and IROs above the caseload range.", 10),
        new(MenuSections.ReviewData, "Import the return", "/performance/import", PerformancePermissions.Import, "Upload the SSDA903 return and the IRO allocation list.", 11),
    ];
}
