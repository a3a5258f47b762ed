namespace IroPortal.AnnualReport.Contracts;

/// <summary>The names of this module's routes. Links, redirects, menus and reminders ask for a route by name, so a
/// route's address is written once, on its action. Another module or a theme links here by the name's text.</summary>
public static class ReportRoutes
{
    public const string SectionsEdit = "AnnualReport.Sections.Edit";
    public const string SectionsPreview = "AnnualReport.Sections.Preview";
    public const string SectionsAdd = "AnnualReport.Sections.Add";
    public const string SectionsRename = "AnnualReport.Sections.Rename";
    public const string SectionsMove = "AnnualReport.Sections.Move";
    public const string SectionsRemove = "AnnualReport.Sections.Remove";
    public const string SectionsProgress = "AnnualReport.Sections.Progress";
    public const string SectionsComment = "AnnualReport.Sections.Comment";
    public const string Versions = "AnnualReport.Versions.Index";
    public const string VersionsCompare = "AnnualReport.Versions.Compare";
    public const string VersionsRestore = "AnnualReport.Versions.Restore";
    public const string Reports = "AnnualReport.Reports.Index";
    public const string ReportsCreate = "AnnualReport.Reports.Create";
    public const string ReportsCompile = "AnnualReport.Reports.Compile";
    public const string ReportsRead = "AnnualReport.Reports.Read";
    public const string ReportsStatus = "AnnualReport.Reports.Status";
    public const string ReportsApprove = "AnnualReport.Reports.Approve";
    public const string ReportsReopen = "AnnualReport.Reports.Reopen";
    public const string ReportsShare = "AnnualReport.Reports.Share";
    public const string ReportsWord = "AnnualReport.Reports.Word";
    public const string ReportsExcel = "AnnualReport.Reports.Excel";
}
