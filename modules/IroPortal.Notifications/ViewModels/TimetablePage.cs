using IroPortal.Modularity.Forms;
using IroPortal.Notifications.Models;

namespace IroPortal.Notifications.ViewModels;

public sealed record TimetablePage(IReadOnlyList<Milestone> Upcoming, IReadOnlyList<Milestone> Past, MilestoneForm Milestone, BoardMeetingForm Board);
