using IroPortal.BoardActions.Services;
using IroPortal.Modularity.Forms;

namespace IroPortal.BoardActions.ViewModels;

public sealed record DashboardPage(IReadOnlyList<YearPlan> Plans, DateOnly Today, ActionState? Filter);
