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
using Microsoft.AspNetCore.Mvc.Rendering;

namespace IroPortal.BoardActions.Controllers;

/// <summary>The board's action plan: the dashboard, each year's plan with the board's resolution, each action's
/// history, and the owner's own list.</summary>
[Area("BoardActions")]
public sealed class ActionPlanController(ActionPlanService plans, PublicActionSummary summary, IBoardReports board, IStaffDirectory staff,
    IPermissionChecker permissions) : Controller
{
    private const string ChangedMeanwhile = "Someone else changed this action while you were writing. Nothing of yours was saved: here it is as it is now.";

    /// <summary>The roles whose members may own an action: those granted "own the board's actions" by default.</summary>
    public static readonly IReadOnlyList<string> OwnerRoles = new ActionPlanPermissions().GetDefaultGrants()
        .Where(g => g.Permissions.Contains(ActionPlanPermissions.Own)).Select(g => g.Role).ToList();

    [RequirePermission(ActionPlanPermissions.Read), HttpGet("/board/actions", Name = ActionPlanRoutes.ActionPlan)]
    public async Task<IActionResult> Index(string? state)
    {
        var actions = (await plans.AllAsync()).ToLookup(a => a.YearStart);
        var plansByYear = new List<YearPlan>();
        foreach (var year in await board.YearsAsync())
            plansByYear.Add(new YearPlan(year, await board.ResolutionAsync(year), actions[year].ToList()));
        ActionState? filter = Enum.TryParse<ActionState>(state, ignoreCase: true, out var parsed) ? parsed : null;
        return View(new DashboardPage(plansByYear, plans.Today, filter));
    }

    [RequirePermission(ActionPlanPermissions.Read), HttpGet("/board/actions/{year:int}", Name = ActionPlanRoutes.ActionPlanYear)]
    public Task<IActionResult> Year(int year) => YearPage(year, new ActionForm());

    private async Task<IActionResult> YearPage(int year, ActionForm form)
    {
        var sections = await board.SectionsAsync(year);
        if (sections.Count == 0) return NotFound();
        var actions = await plans.ForYearAsync(year);
        var plan = await plans.PlanAsync(year);
        var problems = plan is { ShowOnPublicReport: true } ? await summary.ProblemsAsync(actions) : [];
        return View("Year", new YearPage(year, await board.ResolutionAsync(year), actions, plan, problems, plans.Today,
            await permissions.IsGrantedAsync(User, ActionPlanPermissions.Manage), form, await OwnerChoicesAsync(), SectionChoices(sections)));
    }

    [RequirePermission(ActionPlanPermissions.Manage), HttpPost("/board/actions/{year:int}", Name = ActionPlanRoutes.ActionPlanAdd)]
    public async Task<IActionResult> Add(int year, [Bind(Prefix = "Form")] ActionForm form)
    {
        var sections = await board.SectionsAsync(year);
        if (sections.Count == 0) return NotFound();
        if (await board.ResolutionAsync(year) is not { } resolution)
        {
            TempData.Problem = "Record the board's resolution first: actions follow from it. Nothing was saved.";
            return RedirectToRoute(ActionPlanRoutes.ActionPlanYear, new { year });
        }
        var details = await ValidateAsync(form, "Form", sections, resolution.MeetingDate);
        if (details is null) return await YearPage(year, form);
        var action = await plans.AddAsync(year, details, User.DisplayName());
        TempData.Saved = $"Action recorded. {action.OwnerName} will be reminded before it is due.";
        return RedirectToRoute(ActionPlanRoutes.ActionPlanYear, new { year }, $"action-{action.Id:N}");
    }

    [RequirePermission(ActionPlanPermissions.Manage), HttpPost("/board/actions/{year:int}/public", Name = ActionPlanRoutes.ActionPlanPublic)]
    public async Task<IActionResult> Public(int year, bool show)
    {
        if ((await board.SectionsAsync(year)).Count == 0) return NotFound();
        await plans.ShowOnPublicReportAsync(year, show, User.DisplayName());
        var problems = show ? await summary.ProblemsAsync(await plans.ForYearAsync(year)) : [];
        if (problems.Count > 0)
            TempData.Problem = "The summary will not show on the public report until the privacy guard's findings below are dealt with.";
        else
            TempData.Saved = show ? "The public report now shows a summary of the action plan." : "The public report no longer shows the action plan.";
        return RedirectToRoute(ActionPlanRoutes.ActionPlanYear, new { year }, "public");
    }

    [RequirePermission(ActionPlanPermissions.Read, ActionPlanPermissions.Own), HttpGet("/board/actions/item/{id:guid}", Name = ActionPlanRoutes.ActionPlanAction)]
    public async Task<IActionResult> Action(Guid id)
    {
        if (await plans.FindAsync(id) is not { } action) return NotFound();
        return await ActionPage(action, new UpdateForm(), null);
    }

    private async Task<IActionResult> ActionPage(BoardAction action, UpdateForm update, ActionForm? edit)
    {
        var canManage = await permissions.IsGrantedAsync(User, ActionPlanPermissions.Manage);
        var isOwner = action.OwnerId == User.UserId();
        if (!isOwner && !await permissions.IsGrantedAsync(User, ActionPlanPermissions.Read)) return Forbid();
        var sections = canManage ? await board.SectionsAsync(action.YearStart) : [];
        edit ??= new ActionForm
        {
            What = action.What, OwnerId = action.OwnerId, Due = DateParts.From(action.Due), Section = action.SectionAnchor, Revision = action.Revision,
        };
        return View("Action", new ActionPage(action, plans.Today, isOwner || canManage, canManage, update with { Revision = action.Revision }, edit,
            canManage ? await OwnerChoicesAsync() : [], SectionChoices(sections)));
    }

    [RequirePermission(ActionPlanPermissions.Own, ActionPlanPermissions.Manage), HttpPost("/board/actions/item/{id:guid}/updates", Name = ActionPlanRoutes.ActionPlanUpdate)]
    public async Task<IActionResult> Update(Guid id, [Bind(Prefix = "Update")] UpdateForm form)
    {
        if (await plans.FindAsync(id) is not { } action) return NotFound();
        if (action.OwnerId != User.UserId() && !await permissions.IsGrantedAsync(User, ActionPlanPermissions.Manage)) return Forbid();
        var text = (form.Text ?? "").Trim();
        if (text.Length > ActionPlanService.MaxText) ModelState.AddModelError("Update.Text", $"An update must be {ActionPlanService.MaxText:N0} characters or fewer");
        else if (text.Length == 0 && !form.ChangeState) ModelState.AddModelError("Update.Text", "Write your update for the board");
        if (!ModelState.IsValid) return await ActionPage(action, form, null);
        bool? done = form.ChangeState ? action.DoneOn is null : null;
        if (!await plans.UpdateAsync(action, form.Revision, text, done, User.DisplayName()))
        {
            TempData.Problem = ChangedMeanwhile;
            return RedirectToRoute(ActionPlanRoutes.ActionPlanAction, new { id });
        }
        TempData.Saved = done switch { true => "Marked done. The board will see it.", false => "Opened again.", _ => "Update posted. The board will see it." };
        return RedirectToRoute(ActionPlanRoutes.ActionPlanAction, new { id }, "history");
    }

    [RequirePermission(ActionPlanPermissions.Manage), HttpPost("/board/actions/item/{id:guid}", Name = ActionPlanRoutes.ActionPlanChange)]
    public async Task<IActionResult> Change(Guid id, [Bind(Prefix = "Edit")] ActionForm form)
    {
        if (await plans.FindAsync(id) is not { } action) return NotFound();
        var resolution = await board.ResolutionAsync(action.YearStart);
        var details = await ValidateAsync(form, "Edit", await board.SectionsAsync(action.YearStart), resolution?.MeetingDate);
        if (details is null) return await ActionPage(action, new UpdateForm(), form);
        if (!await plans.ChangeAsync(action, form.Revision, details, User.DisplayName()))
        {
            TempData.Problem = ChangedMeanwhile;
            return RedirectToRoute(ActionPlanRoutes.ActionPlanAction, new { id });
        }
        TempData.Saved = "Action changed. The change is in its history.";
        return RedirectToRoute(ActionPlanRoutes.ActionPlanAction, new { id }, "history");
    }

    [RequirePermission(ActionPlanPermissions.Own), HttpGet("/board/actions/mine", Name = ActionPlanRoutes.ActionPlanMine)]
    public async Task<IActionResult> Mine()
    {
        return View(new MinePage(await plans.AllAsync(User.UserId() ?? Guid.Empty), plans.Today));
    }

    private async Task<ActionDetails?> ValidateAsync(ActionForm form, string prefix, IReadOnlyList<BoardSection> sections, DateOnly? meeting)
    {
        var what = (form.What ?? "").Trim();
        if (what.Length == 0) ModelState.AddModelError($"{prefix}.What", "Enter what the board asked for");
        else if (what.Length > ActionPlanService.MaxWhat) ModelState.AddModelError($"{prefix}.What", $"The action must be {ActionPlanService.MaxWhat:N0} characters or fewer");
        StaffMember? owner = null;
        if (form.OwnerId is not { } ownerId) ModelState.AddModelError($"{prefix}.OwnerId", "Choose who owns the action");
        else if ((await staff.FindAsync(ownerId)) is not { IsDisabled: false } found || !found.Roles.Intersect(OwnerRoles).Any())
            ModelState.AddModelError($"{prefix}.OwnerId", "Choose the owner from the list: that person cannot own an action");
        else owner = found;
        var due = form.Due.Validate(ModelState, $"{prefix}.Due", "the due date", notBefore: meeting);
        BoardSection? section = null;
        if (!string.IsNullOrEmpty(form.Section) && (section = sections.FirstOrDefault(s => s.Anchor == form.Section)) is null)
            ModelState.AddModelError($"{prefix}.Section", "Choose a section of the report from the list, or none");
        return ModelState.IsValid ? new ActionDetails(what, owner!, due!.Value, section) : null;
    }

    private async Task<IReadOnlyList<SelectListItem>> OwnerChoicesAsync()
    {
        var people = new List<StaffMember>();
        foreach (var role in OwnerRoles)
            people.AddRange(await staff.InRoleAsync(role));
        return [new SelectListItem("Choose the owner", ""), .. people.DistinctBy(p => p.Id).OrderBy(p => p.DisplayName)
            .Select(p => new SelectListItem($"{p.DisplayName} ({string.Join(", ", p.Roles)})", p.Id.ToString()))];
    }

    private static IReadOnlyList<SelectListItem> SectionChoices(IReadOnlyList<BoardSection> sections) =>
        [new SelectListItem("None", ""), .. sections.Select(s => new SelectListItem(s.Title, s.Anchor))];
}
