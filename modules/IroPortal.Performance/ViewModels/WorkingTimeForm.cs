using IroPortal.Modularity.Forms;

namespace IroPortal.Performance.ViewModels;

public sealed class WorkingTimeForm
{
    public string? Iro { get; set; }
    public DateParts From { get; set; } = new();
    public string? Fte { get; set; }
    public string? OtherDutiesFte { get; set; }
    public string? OtherDuties { get; set; }
}
