namespace IroPortal.Users.ViewModels;

public sealed record SessionsPage(IReadOnlyList<IroPortal.Users.Services.OpenSession> Sessions, int IdleMinutes, int AbsoluteHours);
