using IroPortal.Modularity.Forms;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed class ActionInput
{
    public string? Description { get; set; }
    public DateParts DueOn { get; set; } = new();
}
