using IroPortal.Modularity.Forms;

namespace IroPortal.Publishing.ViewModels;

public sealed class CaseReferencesForm
{
    public string? Shapes { get; set; }
}
