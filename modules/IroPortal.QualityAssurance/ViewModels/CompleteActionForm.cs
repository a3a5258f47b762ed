using IroPortal.Modularity.Forms;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed class CompleteActionForm
{
    public string? Note { get; set; }
    public Guid Version { get; set; }
}
