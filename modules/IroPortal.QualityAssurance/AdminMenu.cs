using IroPortal.Modularity.Navigation;

namespace IroPortal.QualityAssurance;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("Quality assurance", "QA compliance board", "/qa", QaPermissions.Manage, "What is overdue for each IRO, across the seven activities.", 1),
        new("Quality assurance", "Observations and audits", "/qa/records", QaPermissions.Manage, "Record an observation or a case-file audit; read past ones.", 2),
        new("Quality assurance", "Feedback", "/qa/feedback", QaPermissions.Manage, "Feedback links, responses, and feedback received on paper or by email.", 3),
        new("Quality assurance", "QA actions", "/qa/actions", QaPermissions.Manage, "Actions agreed after observations and audits, until they are done.", 4),
        new("Quality assurance", "My quality assurance", "/qa/mine", QaPermissions.ViewOwn, "Your observations, audits, actions and the feedback about your reviews.", 5),
        new("Quality assurance", "Urgent messages", "/qa/urgent", QaPermissions.Urgent, "Feedback that suggests a child may be at risk, or asks for contact: read it and record what was done.", 0),
        new("Quality assurance", "The children's form", "/qa/feedback/children", QaPermissions.Manage, "Its short address and QR codes to print, and the languages it is offered in.", 7),
        new("Quality assurance", "Ask for feedback", "/qa/feedback/links/new", QaPermissions.RequestFeedback, "Make a single-use link for someone to tell us about a review.", 6),
    ];
}
