using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed record AuditPage(CaseFileAudit Audit, int QuestionSetNumber, IReadOnlyList<AuditQuestion> Questions, string IroName, IReadOnlyList<QaAction> Actions, bool IsManager);
