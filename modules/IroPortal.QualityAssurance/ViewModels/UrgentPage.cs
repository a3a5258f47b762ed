using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Safeguarding;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed record UrgentPage(UrgentConcern Concern, FeedbackResponse Response, string IroName, IReadOnlyList<EscalationStep> Escalations, DateTime? NextDeadline,
    IReadOnlyDictionary<Guid, string> Names, IReadOnlyList<Guid> DutyManagers, UrgentActionForm Form)
{
    public string Name(Guid? id) => id is { } person ? Names.GetValueOrDefault(person, "Someone no longer in the portal") : "The duty managers again";
}
