using IroPortal.BoardActions.Contracts;
using IroPortal.BoardActions.Models;
using IroPortal.BoardActions.Services;
using IroPortal.BoardActions.ViewModels;
using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Publishing.Contracts;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.BoardActions.Controllers;

/// <summary>The manager links what children told us to the board's actions, for the children's summary.</summary>
[Area("BoardActions")]
public sealed class YouSaidWeDidController(YouSaidWeDid youSaid, ActionPlanService plans, IBoardReports board) : Controller
{
    [RequirePermission(ActionPlanPermissions.Manage), HttpGet("/board/actions/{year:int}/you-said-we-did", Name = ActionPlanRoutes.YouSaidWeDid)]
    public Task<IActionResult> Index(int year) => Page(year, new ThemeForm());

    [RequirePermission(ActionPlanPermissions.Manage), HttpPost("/board/actions/{year:int}/you-said-we-did", Name = ActionPlanRoutes.YouSaidWeDidAdd), AuditsChange("You said, we did: theme added")]
    public async Task<IActionResult> Add(int year, [Bind(Prefix = "Form")] ThemeForm form)
    {
        if ((await board.SectionsAsync(year)).Count == 0) return NotFound();
        var actions = await plans.ForYearAsync(year);
        var said = form.Said?.Trim() ?? "";
        if (said.Length == 0) ModelState.AddModelError("Form." + nameof(ThemeForm.Said), "Enter what children told us, in words a child would use, like \u201cYou said you did not always know when your review was\u201d");
        else if (said.Length > ChildrensTheme.MaxSaid) ModelState.AddModelError("Form." + nameof(ThemeForm.Said), $"What children told us must be {ChildrensTheme.MaxSaid} characters or fewer; it is {said.Length}");
        if (form.ActionIds.Count == 0) ModelState.AddModelError("Form." + nameof(ThemeForm.ActionIds), "Choose at least one action that answers what children told us");
        else if (form.ActionIds.Any(id => actions.All(a => a.Id != id))) ModelState.AddModelError("Form." + nameof(ThemeForm.ActionIds), "Choose actions from this year's plan");
        if (!ModelState.IsValid) return await Page(year, form);
        await youSaid.AddAsync(year, said, form.ActionIds, User.DisplayName());
        TempData.Saved = "Added to \u201cYou said, we did\u201d on the children's summary.";
        return RedirectToRoute(ActionPlanRoutes.YouSaidWeDid, new { year });
    }

    [RequirePermission(ActionPlanPermissions.Manage), HttpPost("/board/actions/{year:int}/you-said-we-did/{id:guid}/remove", Name = ActionPlanRoutes.YouSaidWeDidRemove), AuditsChange("You said, we did: theme removed")]
    public async Task<IActionResult> Remove(int year, Guid id)
    {
        if (!await youSaid.RemoveAsync(year, id)) return NotFound();
        TempData.Saved = "Removed from \u201cYou said, we did\u201d.";
        return RedirectToRoute(ActionPlanRoutes.YouSaidWeDid, new { year });
    }

    private async Task<IActionResult> Page(int year, ThemeForm form)
    {
        if ((await board.SectionsAsync(year)).Count == 0) return NotFound();
        var themes = await youSaid.ThemesAsync(year);
        var actions = await plans.ForYearAsync(year);
        return View("Index", new YouSaidWeDidPage(year, themes, actions, await youSaid.ProblemsAsync(themes), plans.Today, form));
    }
}
