using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed record QuestionsPage(AuditQuestionSet Current, QuestionSetForm Form);
