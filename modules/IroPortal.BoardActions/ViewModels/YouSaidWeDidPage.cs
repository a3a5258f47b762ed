using IroPortal.BoardActions.Models;
using IroPortal.BoardActions.Services;
using IroPortal.Modularity.Forms;
using IroPortal.Publishing.Contracts;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace IroPortal.BoardActions.ViewModels;

public sealed record YouSaidWeDidPage(int Year, IReadOnlyList<ThemeWithActions> Themes, IReadOnlyList<BoardAction> Actions, IReadOnlyList<PrivacyProblem> Problems,
    DateOnly Today, ThemeForm Form)
{
    public IEnumerable<SelectListItem> ActionChoices => Actions.Select(a => new SelectListItem(a.What, a.Id.ToString()));
}
