using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed class FeedbackLinkForm
{
    public QaActivity? RespondentType { get; set; }
    public ChildFormVersion? ChildVersion { get; set; } = ChildFormVersion.Standard;
    public Guid? IroId { get; set; }
    public DateParts ReviewDate { get; set; } = new();
    public string? RespondentEmail { get; set; }
    [BindNever] public IReadOnlyList<StaffMember> Iros { get; set; } = [];
}
