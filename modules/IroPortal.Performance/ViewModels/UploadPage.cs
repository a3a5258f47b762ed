using IroPortal.Modularity.Forms;

namespace IroPortal.Performance.ViewModels;

public sealed record UploadPage(int Year, int CurrentYear)
{
    public DateParts RunsTo { get; init; } = new();
}
