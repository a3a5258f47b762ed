using IroPortal.Modularity.Forms;

namespace IroPortal.Publishing.ViewModels;

public sealed class PublishBoardForm
{
    public DateParts MeetingDate { get; set; } = new();
    public string? ChangeNote { get; set; }
}
