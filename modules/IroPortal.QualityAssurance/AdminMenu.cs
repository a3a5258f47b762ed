using IroPortal.Modularity.Navigation;
using IroPortal.QualityAssurance.Contracts;

namespace IroPortal.QualityAssurance;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new(MenuSections.QualityAssurance, "QA compliance board", QaRoutes.Board, QaPermissions.Manage, "What is overdue for each IRO, across the seven activities.", 1),
        new(MenuSections.QualityAssurance, "Observations and audits", QaRoutes.ObservationsRecords, QaPermissions.Manage, "Record an observation or a case-file audit; read past ones.", 2),
        new(MenuSections.QualityAssurance, "Feedback", QaRoutes.Feedback, QaPermissions.Manage, "Feedback links, responses, and feedback received on paper or by email.", 3),
        new(MenuSections.QualityAssurance, "QA actions", QaRoutes.Actions, QaPermissions.Manage, "Actions agreed after observations and audits, until they are done.", 4),
        new(MenuSections.QualityAssurance, "My quality assurance", QaRoutes.Mine, QaPermissions.ViewOwn, "Your observations, audits, actions and the feedback about your reviews.", 5),
        new(MenuSections.QualityAssurance, "Urgent messages", QaRoutes.Urgent, QaPermissions.Urgent, "Feedback that suggests a child may be at risk, or asks for contact: read it and record what was done.", 0),
        new(MenuSections.QualityAssurance, "The children's form", QaRoutes.ChildrensForm, QaPermissions.Manage, "Its short address and QR codes to print, and the languages it is offered in.", 7),
        new(MenuSections.QualityAssurance, "Ask for feedback", QaRoutes.FeedbackCreateLink, QaPermissions.RequestFeedback, "Make a single-use link for someone to tell us about a review.", 6),
    ];
}
