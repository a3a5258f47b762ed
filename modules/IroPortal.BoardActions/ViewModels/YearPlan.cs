using IroPortal.BoardActions.Models;
using IroPortal.Modularity.Forms;
using IroPortal.Publishing.Contracts;

namespace IroPortal.BoardActions.ViewModels;

public sealed record YearPlan(int Year, BoardResolutionRecord? Resolution, IReadOnlyList<BoardAction> Actions);
