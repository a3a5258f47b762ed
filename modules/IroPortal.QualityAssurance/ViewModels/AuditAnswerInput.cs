using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed class AuditAnswerInput
{
    public Guid QuestionId { get; set; }
    public AuditAnswerValue? Answer { get; set; }
    public string? Comment { get; set; }
    [BindNever] public string Question { get; set; } = "";
}
