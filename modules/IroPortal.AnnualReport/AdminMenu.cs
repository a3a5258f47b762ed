using IroPortal.Modularity.Navigation;
using IroPortal.AnnualReport.Contracts;

namespace IroPortal.AnnualReport;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new(MenuSections.AnnualReport, "Annual reports", ReportRoutes.Reports, ReportPermissions.Manage, "Write this year's report, send it for review and approve it.", 1),
        new(MenuSections.AnnualReport, "Reports in review", ReportRoutes.Reports, ReportPermissions.Review, "Read the annual report in review and comment on its sections.", 1),
        new(MenuSections.AnnualReport, "The report in review", ReportRoutes.Reports, ReportPermissions.ReadShared, "Read the annual report the manager has shared with the IROs.", 4),
    ];
}
