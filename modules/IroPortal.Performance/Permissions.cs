using IroPortal.Modularity.Permissions;

namespace IroPortal.Performance;

public sealed class PerformancePermissions : IPermissionProvider
{
    public const string View = "Performance.View";
    public const string Import = "Performance.Import";
    public const string WorkingTime = "Performance.WorkingTime";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(View, "See the review figures", "Review performance data", "Timeliness, participation and caseloads for each reporting year, and their Excel download."),
        new(Import, "Import the SSDA903 return", "Review performance data", "Upload the return and the IRO allocation list; replaces a year's data."),
        new(WorkingTime, "Record IROs' working time", "Review performance data", "Each IRO's full-time equivalent from a date, and the time given to other duties, for caseloads per full-time IRO."),
    ];

    public IEnumerable<DefaultGrant> GetDefaultGrants() => [new(PortalRoles.IroManager, View, Import, WorkingTime)];
}
