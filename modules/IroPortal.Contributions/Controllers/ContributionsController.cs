using IroPortal.Contributions.Contracts;
using IroPortal.Contributions.Models;
using IroPortal.Contributions.Services;
using IroPortal.Contributions.ViewModels;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Contributions.Controllers;

/// <summary>One contribution: the IRO writes and submits it; the manager accepts it or returns it with comments.</summary>
[Area("Contributions")]
public sealed class ContributionsController(PortalDbContext db, ContributionService contributions, IPermissionChecker permissions, TimeProvider clock) : Controller
{
    [RequirePermission(ContributionPermissions.Contribute), HttpGet("/contributions/mine", Name = ContributionRoutes.ContributionsMine)]
    public async Task<IActionResult> Mine()
    {
        var me = User.UserId();
        var mine = await db.Set<Contribution>().AsNoTracking().Where(c => c.IroId == me)
            .Join(db.Set<ContributionRound>(), c => c.RoundId, r => r.Id, (c, r) => new MineRow(c, r))
            .ToListAsync();
        return View(new MinePage(mine.OrderByDescending(m => m.Round.OpenedUtc).ToList(), UkTime.Today(clock)));
    }

    [RequirePermission(ContributionPermissions.Manage, ContributionPermissions.Contribute), HttpGet("/contributions/{id:guid}", Name = ContributionRoutes.ContributionsDetails)]
    public async Task<IActionResult> Details(Guid id)
    {
        var (contribution, round) = await FindAsync(id);
        if (contribution is null || round is null || !await CanReadAsync(contribution)) return NotFound();
        var isManager = await permissions.IsGrantedAsync(User, ContributionPermissions.Manage);
        return View(new ContributionPage(contribution, round, isManager, contribution.IroId == User.UserId(), null));
    }

    [RequirePermission(ContributionPermissions.Contribute), HttpGet("/contributions/{id:guid}/edit", Name = ContributionRoutes.ContributionsEdit)]
    public async Task<IActionResult> Edit(Guid id)
    {
        var (contribution, round) = await FindAsync(id);
        if (contribution is null || round is null || contribution.IroId != User.UserId()) return NotFound();
        if (!contribution.IroCanEdit) return RedirectToRoute(ContributionRoutes.ContributionsDetails, new { id });
        return View(new EditPage(contribution, round, ContributionForm.From(contribution), []));
    }

    [RequirePermission(ContributionPermissions.Contribute), HttpPost("/contributions/{id:guid}/edit", Name = ContributionRoutes.ContributionsEdit)]
    public async Task<IActionResult> Edit(Guid id, ContributionForm form, string? submit)
    {
        var (contribution, round) = await FindAsync(id);
        if (contribution is null || round is null || contribution.IroId != User.UserId()) return NotFound();
        if (!contribution.IroCanEdit)
        {
            TempData.Problem = "This contribution was already submitted, so it was not changed.";
            return RedirectToRoute(ContributionRoutes.ContributionsDetails, new { id });
        }
        ModelState.Clear();
        var submitting = submit == "submit";
        var names = form.Validate(ModelState, contribution, submitting, await contributions.StaffNamesAsync());
        if (!ModelState.IsValid || !await contributions.SaveAsync(contribution, form, submitting))
        {
            if (ModelState.IsValid)
                ModelState.AddModelError("", "Your contribution was changed in another window after you opened this page. Your text is below and has not been saved: copy what you need, then reload the page.");
            return View(new EditPage(contribution, round, form, names));
        }
        TempData.Saved = submitting ? "Contribution sent to the IRO manager." : "Draft saved. Only you can see it until you send it.";
        return RedirectToRoute(submitting ? ContributionRoutes.ContributionsDetails : ContributionRoutes.ContributionsEdit, new { id });
    }

    [RequirePermission(ContributionPermissions.Manage), HttpPost("/contributions/{id:guid}/accept", Name = ContributionRoutes.ContributionsAccept)]
    public async Task<IActionResult> Accept(Guid id, Guid version)
    {
        var (contribution, _) = await FindAsync(id);
        if (contribution is null) return NotFound();
        if (Stale(contribution, version) is { } stale) return stale;
        await contributions.AcceptAsync(contribution, User.DisplayName());
        TempData.Saved = $"{contribution.IroName}'s contribution accepted. You can quote it in the annual report.";
        return RedirectToRoute(ContributionRoutes.RoundsDetails, new { id = contribution.RoundId });
    }

    [RequirePermission(ContributionPermissions.Manage), HttpPost("/contributions/{id:guid}/return", Name = ContributionRoutes.ContributionsReturn)]
    public async Task<IActionResult> Return(Guid id, Guid version, string? comments)
    {
        var (contribution, round) = await FindAsync(id);
        if (contribution is null || round is null) return NotFound();
        if (Stale(contribution, version) is { } stale) return stale;
        if (string.IsNullOrWhiteSpace(comments) || comments.Length > 4000)
        {
            ModelState.AddModelError("comments", string.IsNullOrWhiteSpace(comments)
                ? "Write what the IRO should change before you return it"
                : "Your comments must be 4,000 characters or fewer");
            return View("Details", new ContributionPage(contribution, round, true, contribution.IroId == User.UserId(), comments));
        }
        await contributions.ReturnAsync(contribution, comments, User.DisplayName());
        TempData.Saved = $"{contribution.IroName}'s contribution returned with your comments.";
        return RedirectToRoute(ContributionRoutes.RoundsDetails, new { id = contribution.RoundId });
    }

    /// <summary>A decision made on a page showing an older state (sent again, or already decided) changes nothing.</summary>
    private IActionResult? Stale(Contribution contribution, Guid version)
    {
        if (contribution.Status == ContributionStatus.Submitted && contribution.Version == version) return null;
        TempData.Problem = "This contribution changed while you had the page open. It is shown as it is now.";
        return RedirectToRoute(ContributionRoutes.ContributionsDetails, new { id = contribution.Id });
    }

    private async Task<(Contribution?, ContributionRound?)> FindAsync(Guid id)
    {
        var contribution = await db.Set<Contribution>().SingleOrDefaultAsync(c => c.Id == id);
        var round = contribution is null ? null : await db.Set<ContributionRound>().AsNoTracking().SingleAsync(r => r.Id == contribution.RoundId);
        return (contribution, round);
    }

    /// <summary>The IRO their own, always; the manager once it has been sent: a draft is the IRO's own.</summary>
    private async Task<bool> CanReadAsync(Contribution contribution) =>
        (contribution.IroId == User.UserId() && await permissions.IsGrantedAsync(User, ContributionPermissions.Contribute))
        || (contribution.Status is not (ContributionStatus.NotStarted or ContributionStatus.Draft) && await permissions.IsGrantedAsync(User, ContributionPermissions.Manage));
}
