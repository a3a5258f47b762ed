using IroPortal.Modularity.Navigation;

namespace IroPortal.Contributions;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new(MenuSections.AnnualReport, "Contribution rounds", "/contributions", ContributionPermissions.Manage, "Ask the IROs for their contributions and see who has sent theirs.", 2),
        new(MenuSections.AnnualReport, "My contributions", "/contributions/mine", ContributionPermissions.Contribute, "Write and send your contribution to the annual report.", 3),
    ];
}
