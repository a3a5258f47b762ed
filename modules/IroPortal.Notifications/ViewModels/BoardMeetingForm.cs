using IroPortal.Modularity.Forms;

namespace IroPortal.Notifications.ViewModels;

public sealed class BoardMeetingForm
{
    public DateParts MeetingDate { get; set; } = new();
    public int? PapersWorkingDaysBefore { get; set; }

    public static BoardMeetingForm Blank() => new() { PapersWorkingDaysBefore = 10 };
}
