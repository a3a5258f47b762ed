using IroPortal.Modularity.Forms;

namespace IroPortal.Disputes.ViewModels;

public sealed class EscalateForm
{
    public Guid? Stage { get; set; }
    public string? RaisedWith { get; set; }
    public DateParts RaisedOn { get; set; } = new();
    public int Revision { get; set; }
}
