using IroPortal.Contributions.Contracts;
using IroPortal.Contributions.Models;
using IroPortal.Contributions.Services;
using IroPortal.Contributions.ViewModels;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Contributions.Controllers;

/// <summary>The manager's side: open a round, and see who has not started, drafted, submitted, been returned or accepted.</summary>
[Area("Contributions")]
public sealed class RoundsController(PortalDbContext db, ContributionService contributions, IStaffDirectory staff, TimeProvider clock) : Controller
{
    [RequirePermission(ContributionPermissions.Manage), HttpGet("/contributions", Name = ContributionRoutes.Rounds)]
    public async Task<IActionResult> Index()
    {
        var rounds = await db.Set<ContributionRound>().AsNoTracking().Include(r => r.Contributions).OrderByDescending(r => r.OpenedUtc).ToListAsync();
        return View(rounds);
    }

    [RequirePermission(ContributionPermissions.Manage), HttpGet("/contributions/rounds/new", Name = ContributionRoutes.RoundsCreate)]
    public async Task<IActionResult> Create()
    {
        var today = UkTime.Today(clock);
        var iros = await staff.InRoleAsync(PortalRoles.Iro);
        return View(Page(new RoundForm
        {
            YearStart = ReportingYear.Containing(today) - 1,
            Deadline = DateParts.From(today.AddDays(28)),
            IroIds = iros.Select(i => i.Id).ToList(),
        }, iros));
    }

    [RequirePermission(ContributionPermissions.Manage), HttpPost("/contributions/rounds/new", Name = ContributionRoutes.RoundsCreate)]
    public async Task<IActionResult> Create(RoundForm form)
    {
        ModelState.Clear();
        var today = UkTime.Today(clock);
        var iros = await staff.InRoleAsync(PortalRoles.Iro);
        var deadline = form.Deadline.Validate(ModelState, nameof(form.Deadline), "the deadline", notBefore: today);
        if (!RoundForm.Years(today).Contains(form.YearStart))
            ModelState.AddModelError(nameof(form.YearStart), "Choose the reporting year the contributions are for");
        var chosen = iros.Where(i => form.IroIds.Contains(i.Id)).ToList();
        if (chosen.Count == 0)
            ModelState.AddModelError(nameof(form.IroIds), "Choose at least one IRO to ask");
        if (form.Guidance?.Length > 4000)
            ModelState.AddModelError(nameof(form.Guidance), "The guidance must be 4,000 characters or fewer");
        if (!ModelState.IsValid) return View(Page(form, iros));

        var me = await staff.FindAsync(User.UserId() ?? Guid.Empty) ?? throw new InvalidOperationException("The signed-in user is not in the staff directory.");
        var round = await contributions.OpenRoundAsync(form.YearStart, deadline!.Value, form.Guidance ?? "", chosen, me);
        TempData.Saved = $"Round opened: {chosen.Count} IROs asked for their contributions by {UkTime.Format(round.Deadline)}.";
        return RedirectToRoute(ContributionRoutes.RoundsDetails, new { id = round.Id });
    }

    [RequirePermission(ContributionPermissions.Manage), HttpGet("/contributions/rounds/{id:guid}", Name = ContributionRoutes.RoundsDetails)]
    public async Task<IActionResult> Details(Guid id)
    {
        var round = await db.Set<ContributionRound>().AsNoTracking().Include(r => r.Contributions).SingleOrDefaultAsync(r => r.Id == id);
        return round is null ? NotFound() : View(new RoundPage(round, UkTime.Today(clock)));
    }

    private RoundForm Page(RoundForm form, IReadOnlyList<StaffMember> iros)
    {
        form.YearChoices = RoundForm.Years(UkTime.Today(clock)).Select(y => new SelectListItem(ReportingYear.Name(y), y.ToString(), y == form.YearStart)).ToList();
        form.IroChoices = iros.Select(i => new SelectListItem(i.DisplayName, i.Id.ToString())).ToList();
        return form;
    }
}
