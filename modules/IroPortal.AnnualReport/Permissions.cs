using IroPortal.Modularity.Permissions;

namespace IroPortal.AnnualReport;

public sealed class ReportPermissions : IPermissionProvider
{
    /// <summary>Start, write, version, send for review and export the report.</summary>
    public const string Manage = "AnnualReport.Manage";
    /// <summary>Approve it, which freezes its content and figures.</summary>
    public const string Approve = "AnnualReport.Approve";
    /// <summary>Read the report while it is in review and comment on each section.</summary>
    public const string Review = "AnnualReport.Review";
    /// <summary>Read the report in review when the manager has shared it with the IROs.</summary>
    public const string ReadShared = "AnnualReport.ReadShared";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(Manage, "Write the annual report", "Annual report",
            "Start a year's report, write its sections with figures and contributions, restore versions, send it for review, export to Word and Excel."),
        new(Approve, "Approve the annual report", "Annual report", "Approve a report in review; its text and figures are then frozen."),
        new(Review, "Review the annual report", "Annual report", "Read a report in review and comment on its sections."),
        new(ReadShared, "Read the report when shared", "Annual report", "Read a report in review that the manager has shared with the IROs."),
    ];

    public IEnumerable<DefaultGrant> GetDefaultGrants() =>
    [
        new(PortalRoles.IroManager, Manage, Approve),
        new(PortalRoles.SeniorManager, Review),
        new(PortalRoles.Iro, ReadShared),
    ];
}
