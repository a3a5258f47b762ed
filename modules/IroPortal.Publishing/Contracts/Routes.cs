namespace IroPortal.Publishing.Contracts;

/// <summary>The names of this module's routes. Links, redirects, menus and reminders ask for a route by name, so a
/// route's address is written once, on its action. Another module or a theme links here by the name's text.</summary>
public static class PublishingRoutes
{
    public const string ChildrenSummaryEdit = "Publishing.ChildrenSummary.Edit";
    public const string ChildrenSummarySave = "Publishing.ChildrenSummary.Save";
    public const string ChildrenSummaryPublish = "Publishing.ChildrenSummary.Publish";
    public const string Publishing = "Publishing.Publishing.Index";
    public const string Year = "Publishing.Publishing.Year";
    public const string BoardOnly = "Publishing.Publishing.BoardOnly";
    public const string ApproveName = "Publishing.Publishing.ApproveName";
    public const string ApproveStaffNames = "Publishing.Publishing.ApproveStaffNames";
    public const string Names = "Publishing.Publishing.Names";
    public const string CaseReferenceShapes = "Publishing.Publishing.CaseReferenceShapes";
    public const string RemoveName = "Publishing.Publishing.RemoveName";
    public const string Override = "Publishing.Publishing.Override";
    public const string RemoveOverride = "Publishing.Publishing.RemoveOverride";
    public const string Preview = "Publishing.Publishing.Preview";
    public const string PublishBoard = "Publishing.Publishing.PublishBoard";
    public const string PublishPublic = "Publishing.Publishing.PublishPublic";
    public const string Board = "Publishing.Board.Index";
    public const string BoardRead = "Publishing.Board.Read";
    public const string BoardAsk = "Publishing.Board.Ask";
    public const string BoardAnswer = "Publishing.Board.Answer";
    public const string BoardResolve = "Publishing.Board.Resolve";
    public const string BoardPack = "Publishing.Board.Pack";
    public const string BoardFigures = "Publishing.Board.Figures";
    public const string PublicReports = "Publishing.PublicReports.Index";
    public const string PublicReportsReport = "Publishing.PublicReports.Report";
    public const string PublicReportsVersion = "Publishing.PublicReports.Version";
    public const string PublicReportsPdf = "Publishing.PublicReports.Pdf";
    public const string PublicReportsVersionPdf = "Publishing.PublicReports.VersionPdf";
    public const string PublicReportsData = "Publishing.PublicReports.Data";
    public const string PublicReportsVersionData = "Publishing.PublicReports.VersionData";
    public const string PublicReportsForChildren = "Publishing.PublicReports.ForChildren";
    public const string PublicReportsForChildrenIn = "Publishing.PublicReports.ForChildrenIn";
    public const string PublicReportsFeed = "Publishing.PublicReports.Feed";
    public const string PublicReportsJson = "Publishing.PublicReports.Json";
    public const string SummaryTranslationsAdd = "Publishing.SummaryTranslations.Add";
    public const string SummaryTranslationsEdit = "Publishing.SummaryTranslations.Edit";
    public const string SummaryTranslationsSave = "Publishing.SummaryTranslations.Save";
    public const string SummaryTranslationsConfirm = "Publishing.SummaryTranslations.Confirm";
    public const string SummaryTranslationsPublish = "Publishing.SummaryTranslations.Publish";
    public const string SummaryTranslationsWithdraw = "Publishing.SummaryTranslations.Withdraw";
    public const string SummaryTranslationsRemove = "Publishing.SummaryTranslations.Remove";
}
