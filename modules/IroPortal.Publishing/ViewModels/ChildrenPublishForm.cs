using IroPortal.Modularity.Forms;

namespace IroPortal.Publishing.ViewModels;

public sealed class ChildrenPublishForm
{
    public string? Reason { get; set; }
    public string? ChangeNote { get; set; }
}
