namespace IroPortal.QualityAssurance.Contracts;

/// <summary>The names of this module's routes. Links, redirects, menus and reminders ask for a route by name, so a
/// route's address is written once, on its action. Another module or a theme links here by the name's text.</summary>
public static class QaRoutes
{
    public const string Urgent = "QualityAssurance.Urgent.Index";
    public const string UrgentDetails = "QualityAssurance.Urgent.Details";
    public const string UrgentAcknowledge = "QualityAssurance.Urgent.Acknowledge";
    public const string UrgentRecordAction = "QualityAssurance.Urgent.RecordAction";
    public const string UrgentSettings = "QualityAssurance.Urgent.Settings";
    public const string ObservationsRecords = "QualityAssurance.Observations.Records";
    public const string ObservationsCreate = "QualityAssurance.Observations.Create";
    public const string ObservationsEdit = "QualityAssurance.Observations.Edit";
    public const string ObservationsDetails = "QualityAssurance.Observations.Details";
    public const string ObservationsShare = "QualityAssurance.Observations.Share";
    public const string ObservationsReflect = "QualityAssurance.Observations.Reflect";
    public const string ObservationsSignOff = "QualityAssurance.Observations.SignOff";
    public const string PublicFeedbackTellUs = "QualityAssurance.PublicFeedback.TellUs";
    public const string PublicFeedbackForm = "QualityAssurance.PublicFeedback.Form";
    public const string PublicFeedbackThanks = "QualityAssurance.PublicFeedback.Thanks";
    public const string Mine = "QualityAssurance.Mine.Index";
    public const string ChildrensForm = "QualityAssurance.ChildrensForm.Index";
    public const string ChildrensFormTemplate = "QualityAssurance.ChildrensForm.Template";
    public const string ChildrensFormAdd = "QualityAssurance.ChildrensForm.Add";
    public const string ChildrensFormEdit = "QualityAssurance.ChildrensForm.Edit";
    public const string ChildrensFormRemove = "QualityAssurance.ChildrensForm.Remove";
    public const string Board = "QualityAssurance.Board.Index";
    public const string BoardFigures = "QualityAssurance.Board.Figures";
    public const string BoardExport = "QualityAssurance.Board.Export";
    public const string BoardIro = "QualityAssurance.Board.Iro";
    public const string BoardStandards = "QualityAssurance.Board.Standards";
    public const string AuditsCreate = "QualityAssurance.Audits.Create";
    public const string AuditsDetails = "QualityAssurance.Audits.Details";
    public const string AuditsQuestions = "QualityAssurance.Audits.Questions";
    public const string Feedback = "QualityAssurance.Feedback.Index";
    public const string FeedbackCreateLink = "QualityAssurance.Feedback.CreateLink";
    public const string FeedbackDetails = "QualityAssurance.Feedback.Details";
    public const string FeedbackReceived = "QualityAssurance.Feedback.Received";
    public const string Actions = "QualityAssurance.Actions.Index";
    public const string ActionsComplete = "QualityAssurance.Actions.Complete";
}
