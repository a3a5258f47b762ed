using IroPortal.Modularity.Forms;
using IroPortal.Modularity;

namespace IroPortal.Disputes.ViewModels;

public sealed class NewForm
{
    public string? CaseReference { get; set; }
    public string? Category { get; set; }
    public string? Summary { get; set; }
    public bool NotNames { get; set; }
    public Guid? Stage { get; set; }
    public string? RaisedWith { get; set; }
    public DateParts RaisedOn { get; set; } = new();
}
