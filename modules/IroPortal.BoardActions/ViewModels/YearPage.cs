using IroPortal.BoardActions.Models;
using IroPortal.Modularity.Forms;
using IroPortal.Publishing.Contracts;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace IroPortal.BoardActions.ViewModels;

public sealed record YearPage(int Year, BoardResolutionRecord? Resolution, IReadOnlyList<BoardAction> Actions, ActionPlan? Plan, IReadOnlyList<PrivacyProblem> Problems,
    DateOnly Today, bool CanManage, ActionForm Form, IReadOnlyList<SelectListItem> Owners, IReadOnlyList<SelectListItem> Sections);
