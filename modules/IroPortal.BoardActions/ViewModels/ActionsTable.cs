using IroPortal.BoardActions.Models;
using IroPortal.Modularity.Forms;

namespace IroPortal.BoardActions.ViewModels;

public sealed record ActionsTable(IReadOnlyList<BoardAction> Actions, DateOnly Today, string Caption, bool ShowYear);
