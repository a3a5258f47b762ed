using IroPortal.Modularity.Forms;

namespace IroPortal.Disputes.ViewModels;

public sealed class ResponseForm
{
    public DateParts RespondedOn { get; set; } = new();
    public string? Outcome { get; set; }
    public string? Note { get; set; }
    public int Revision { get; set; }
}
