using IroPortal.Modularity.Permissions;

namespace IroPortal.Contributions;

public sealed class ContributionPermissions : IPermissionProvider
{
    /// <summary>Open rounds, read every contribution, accept or return them.</summary>
    public const string Manage = "Contributions.Manage";
    /// <summary>Write and submit one's own contributions.</summary>
    public const string Contribute = "Contributions.Contribute";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(Manage, "Run contribution rounds", "Annual report",
            "Open a round for the IROs with a deadline, read every contribution, accept it or return it with comments."),
        new(Contribute, "Contribute to the annual report", "Annual report",
            "Write, save and submit their own contribution when a round asks them."),
    ];

    public IEnumerable<DefaultGrant> GetDefaultGrants() =>
    [
        new(PortalRoles.IroManager, Manage),
        new(PortalRoles.Iro, Contribute),
    ];
}
