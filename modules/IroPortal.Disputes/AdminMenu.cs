using IroPortal.Modularity.Navigation;
using IroPortal.Disputes.Contracts;

namespace IroPortal.Disputes;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new(MenuSections.Disputes, "My escalations", DisputeRoutes.Mine, DisputePermissions.Record, "Concerns you have raised about children's cases, stage by stage, with the responses due.", 6),
        new(MenuSections.Disputes, "Dispute resolution", DisputeRoutes.Disputes, DisputePermissions.ViewAll, "Every IRO's escalations: what is overdue, themes by category, stage reached and time to resolution.", 8),
        new(MenuSections.Disputes, "Dispute resolution stages", DisputeRoutes.Stages, DisputePermissions.Configure, "The council's formal stages and their timescales in working days.", 9),
    ];
}
