using IroPortal.BoardActions.Models;
using IroPortal.Modularity.Forms;

namespace IroPortal.BoardActions.ViewModels;

public sealed record MinePage(IReadOnlyList<BoardAction> Actions, DateOnly Today);
