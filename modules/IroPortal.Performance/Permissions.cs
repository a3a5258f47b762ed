using IroPortal.Modularity.Permissions;

namespace IroPortal.Performance;

public sealed class PerformancePermissions : IPermissionProvider
{
    public const string View = "Performance.View";
    public const string Import = "Performance.Import";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(View, "See the review figures", "Review performance data", "Timeliness, participation and caseloads for each reporting year, and their Excel download."),
        new(Import, "Import the SSDA903 return", "Review performance data", "Upload the return and the IRO allocation list; replaces a year's data."),
    ];

    public IEnumerable<DefaultGrant> GetDefaultGrants() => [new(PortalRoles.IroManager, View, Import)];
}
