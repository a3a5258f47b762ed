using IroPortal.Modularity.Navigation;

namespace IroPortal.Contributions;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("Annual report", "Contribution rounds", "/contributions", ContributionPermissions.Manage, "Ask the IROs for their contributions and see who has sent theirs.", 2),
        new("Annual report", "My contributions", "/contributions/mine", ContributionPermissions.Contribute, "Write and send your contribution to the annual report.", 3),
    ];
}
