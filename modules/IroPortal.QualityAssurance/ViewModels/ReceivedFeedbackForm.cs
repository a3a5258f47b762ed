using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed class ReceivedFeedbackForm
{
    public QaActivity? RespondentType { get; set; }
    public Guid? IroId { get; set; }
    public DateParts ReceivedOn { get; set; } = new();
    public DateParts ReviewDate { get; set; } = new();
    public FeedbackChannel? Channel { get; set; }
    public FeedbackAnswersForm Answers { get; set; } = new();
    [BindNever] public IReadOnlyList<StaffMember> Iros { get; set; } = [];
}
