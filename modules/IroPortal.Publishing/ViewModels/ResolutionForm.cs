using IroPortal.Modularity.Forms;

namespace IroPortal.Publishing.ViewModels;

public sealed class ResolutionForm
{
    public DateParts MeetingDate { get; set; } = new();
    public string? Outcome { get; set; }
    public string? Minute { get; set; }
}
