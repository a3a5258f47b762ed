using IroPortal.Modularity.Forms;

namespace IroPortal.Disputes.ViewModels;

public sealed class CloseForm
{
    public DateParts ClosedOn { get; set; } = new();
    public string? Reason { get; set; }
    public int Revision { get; set; }
}
