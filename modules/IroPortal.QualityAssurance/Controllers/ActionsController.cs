using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Contracts;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.QualityAssurance.ViewModels;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.QualityAssurance.Controllers;

/// <summary>Actions agreed after observations and audits, tracked until they are done.</summary>
[Area("QualityAssurance")]
public sealed class ActionsController(QaActions actions, IStaffDirectory staff, QaAccess access, TimeProvider clock) : Controller
{
    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/actions", Name = QaRoutes.Actions)]
    public async Task<IActionResult> Index()
    {
        var iros = (await staff.InRoleAsync(PortalRoles.Iro)).ToDictionary(i => i.Id, i => i.DisplayName);
        return View(new ActionsPage(await actions.OpenAsync(), iros, UkTime.Today(clock)));
    }

    [RequirePermission(QaPermissions.Manage, QaPermissions.ViewOwn), HttpPost("/qa/actions/{id:guid}/complete", Name = QaRoutes.ActionsComplete), AuditsChange("QA action completed")]
    public async Task<IActionResult> Complete(Guid id, CompleteActionForm form, string? returnTo)
    {
        var action = await actions.FindAsync(id);
        if (action is null || !await access.CanSeeAsync(User, action.IroId)) return NotFound();
        if (form.Note?.Length > 1000)
        {
            TempData.Problem = "The note must be 1,000 characters or fewer.";
            return Back(returnTo);
        }
        if (await actions.CompleteAsync(id, form.Version, form.Note) == SaveOutcome.Conflict)
        {
            TempData.Problem = "This action changed while you had the page open. It is shown as it is now.";
            return Back(returnTo);
        }
        TempData.Saved = "Action marked as done.";
        return Back(returnTo);
    }

    private IActionResult Back(string? returnTo) => LocalRedirect(ReturnAddress.LocalWithinOr(returnTo, Url.RouteUrl(QaRoutes.Board)!, Url.RouteUrl(QaRoutes.Mine)!));
}
