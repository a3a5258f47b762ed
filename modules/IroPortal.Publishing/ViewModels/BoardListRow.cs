using IroPortal.Modularity.Forms;

namespace IroPortal.Publishing.ViewModels;

public sealed record BoardListRow(int YearStart, int Number, DateOnly? MeetingDate, DateTime PublishedUtc);
