using IroPortal.Modularity.Forms;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed class ReflectionForm
{
    public string? Reflection { get; set; }
    public Guid Version { get; set; }
}
