using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;

namespace IroPortal.QualityAssurance.ViewModels;

/// <summary>One IRO's quality assurance: status, history, grades over time, open actions, feedback.</summary>
public sealed record IroPage(
    IroCompliance Compliance,
    int Year,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<CaseFileAudit> Audits,
    IReadOnlyList<QaAction> OpenActions,
    IReadOnlyList<FeedbackResponse> Feedback,
    bool ForTheIro);
