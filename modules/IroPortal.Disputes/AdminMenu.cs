using IroPortal.Modularity.Navigation;

namespace IroPortal.Disputes;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new(MenuSections.Disputes, "My escalations", "/disputes/mine", DisputePermissions.Record, "Concerns you have raised about children's cases, stage by stage, with the responses due.", 6),
        new(MenuSections.Disputes, "Dispute resolution", "/disputes", DisputePermissions.ViewAll, "Every IRO's escalations: what is overdue, themes by category, stage reached and time to resolution.", 8),
        new(MenuSections.Disputes, "Dispute resolution stages", "/disputes/stages", DisputePermissions.Configure, "The council's formal stages and their timescales in working days.", 9),
    ];
}
