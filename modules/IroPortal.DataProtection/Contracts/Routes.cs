namespace IroPortal.DataProtection.Contracts;

/// <summary>The names of this module's routes. Links, redirects, menus and reminders ask for a route by name, so a
/// route's address is written once, on its action. Another module or a theme links here by the name's text.</summary>
public static class DataProtectionRoutes
{
    public const string PublicPagesAccessibility = "DataProtection.PublicPages.Accessibility";
    public const string PublicPagesFeedbackNotice = "DataProtection.PublicPages.FeedbackNotice";
    public const string PublicPagesChildrenNotice = "DataProtection.PublicPages.ChildrenNotice";
    public const string PublicPagesPrivacy = "DataProtection.PublicPages.Privacy";
    public const string PublicPagesCookies = "DataProtection.PublicPages.Cookies";
    public const string Retention = "DataProtection.Retention.Index";
    public const string RetentionSave = "DataProtection.Retention.Save";
    public const string RetentionConfirm = "DataProtection.Retention.Confirm";
    public const string RetentionRun = "DataProtection.Retention.Run";
    public const string PersonalData = "DataProtection.PersonalData.Index";
    public const string PersonalDataSearch = "DataProtection.PersonalData.Search";
    public const string PersonalDataExport = "DataProtection.PersonalData.Export";
    public const string PersonalDataCheckErase = "DataProtection.PersonalData.CheckErase";
    public const string PersonalDataErase = "DataProtection.PersonalData.Erase";
    public const string Statements = "DataProtection.Statements.Index";
    public const string StatementsEdit = "DataProtection.Statements.Edit";
}
