using IroPortal.Modularity.Navigation;
using IroPortal.Contributions.Contracts;

namespace IroPortal.Contributions;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new(MenuSections.AnnualReport, "Contribution rounds", ContributionRoutes.Rounds, ContributionPermissions.Manage, "Ask the IROs for their contributions and see who has sent theirs.", 2),
        new(MenuSections.AnnualReport, "My contributions", ContributionRoutes.ContributionsMine, ContributionPermissions.Contribute, "Write and send your contribution to the annual report.", 3),
    ];
}
