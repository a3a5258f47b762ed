using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.QualityAssurance.ViewModels;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using IroPortal.Modularity.Forms;

namespace IroPortal.QualityAssurance.Controllers;

/// <summary>Actions agreed after observations and audits, tracked until they are done.</summary>
[Area("QualityAssurance")]
public sealed class ActionsController(PortalDbContext db, IStaffDirectory staff, QaAccess access, TimeProvider clock) : Controller
{
    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/actions")]
    public async Task<IActionResult> Index()
    {
        var actions = await db.Set<QaAction>().AsNoTracking().Where(a => a.CompletedOn == null).OrderBy(a => a.DueOn).ToListAsync();
        var iros = (await staff.InRoleAsync(PortalRoles.Iro)).ToDictionary(i => i.Id, i => i.DisplayName);
        return View(new ActionsPage(actions, iros, UkTime.Today(clock)));
    }

    [RequirePermission(QaPermissions.Manage, QaPermissions.ViewOwn), HttpPost("/qa/actions/{id:guid}/complete"), AuditsChange("QA action completed")]
    public async Task<IActionResult> Complete(Guid id, CompleteActionForm form, string? returnTo)
    {
        var action = await db.Set<QaAction>().SingleOrDefaultAsync(a => a.Id == id);
        if (action is null || !await access.CanSeeAsync(User, action.IroId)) return NotFound();
        if (form.Note?.Length > 1000)
        {
            TempData.Problem = "The note must be 1,000 characters or fewer.";
            return Back(returnTo);
        }
        if (action.CompletedOn is null)
        {
            if (action.Version != form.Version)
            {
                TempData.Problem = "This action changed while you had the page open. It is shown as it is now.";
                return Back(returnTo);
            }
            action.CompletedOn = UkTime.Today(clock);
            action.CompletionNote = form.Note?.Trim() ?? "";
            action.Version = Guid.NewGuid();
            await db.SaveChangesAsync();
        }
        TempData.Saved = "Action marked as done.";
        return Back(returnTo);
    }

    private IActionResult Back(string? returnTo) => LocalRedirect(ReturnAddress.LocalWithinOr(returnTo, "/qa", "/qa/mine"));
}

public sealed record ActionsPage(IReadOnlyList<QaAction> Actions, IReadOnlyDictionary<Guid, string> Iros, DateOnly Today);
