using System.Globalization;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Performance.Contracts;
using IroPortal.Performance.Models;
using IroPortal.Performance.ViewModels;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Performance.Controllers;

/// <summary>Each IRO's working time, from a date, every change kept: the caseloads per full-time IRO divide by it.</summary>
[Area("Performance")]
[RequirePermission(PerformancePermissions.WorkingTime)]
public sealed class WorkingTimeController(PortalDbContext db, IStaffDirectory staff, TimeProvider clock) : Controller
{
    private const string Here = "/performance/iros";

    [HttpGet(Here, Name = PerformanceRoutes.WorkingTime)]
    public async Task<IActionResult> Index() => View(await PageAsync(new WorkingTimeForm()));

    [HttpPost(Here, Name = PerformanceRoutes.WorkingTimeAdd), AuditsChange("IRO working time recorded")]
    public async Task<IActionResult> Add([Bind(Prefix = "Form")] WorkingTimeForm form)
    {
        var names = await IroNamesAsync();
        var iro = form.Iro?.Trim() ?? "";
        if (!names.Contains(iro, StringComparer.OrdinalIgnoreCase)) ModelState.AddModelError("Form." + nameof(form.Iro), "Choose the IRO, as the allocation list names them");
        var from = form.From.Validate(ModelState, "Form.From", "the date this working time starts", notBefore: new DateOnly(2000, 1, 1), notAfter: UkTime.Today(clock).AddYears(1));
        var fte = Fte(form.Fte, "Form.Fte", "the IRO's full-time equivalent", IroWorkingTime.MinFte);
        var other = Fte(string.IsNullOrWhiteSpace(form.OtherDutiesFte) ? "0" : form.OtherDutiesFte, "Form.OtherDutiesFte", "the time given to other duties", 0);
        if (fte is not null && other is not null && other >= fte)
            ModelState.AddModelError("Form." + nameof(form.OtherDutiesFte), "Other duties must take less than the IRO's whole working time: leave time for their children");
        var duties = form.OtherDuties?.Trim() ?? "";
        if (other > 0 && duties.Length == 0) ModelState.AddModelError("Form." + nameof(form.OtherDuties), "Say what the other duties are, like chairing child protection conferences");
        if (duties.Length > 500) ModelState.AddModelError("Form." + nameof(form.OtherDuties), "Describe the other duties in 500 characters or fewer");
        if (!ModelState.IsValid) return View("Index", await PageAsync(form));

        var name = names.First(n => n.Equals(iro, StringComparison.OrdinalIgnoreCase));
        var row = await db.Set<IroWorkingTime>().SingleOrDefaultAsync(w => w.IroName == name && w.From == from);
        if (row is null) db.Add(row = new IroWorkingTime { Id = Guid.CreateVersion7(), IroName = name, From = from!.Value });
        (row.Fte, row.OtherDutiesFte, row.OtherDuties) = (fte!.Value, other!.Value, other > 0 ? duties : "");
        (row.RecordedUtc, row.RecordedByName) = (clock.GetUtcNow().UtcDateTime, User.DisplayName());
        await db.SaveChangesAsync();
        TempData.Saved = $"{name} works {row.Fte:0.0#} FTE from {UkTime.Format(row.From)}{(row.OtherDutiesFte > 0 ? $", {row.OtherDutiesFte:0.0#} of it on {row.OtherDuties}" : "")}. Their caseload per full-time IRO uses {row.IroFte:0.0#}.";
        return RedirectToRoute(PerformanceRoutes.WorkingTime);
    }

    [HttpPost(Here + "/{id:guid}/remove", Name = PerformanceRoutes.WorkingTimeRemove), AuditsChange("IRO working time removed")]
    public async Task<IActionResult> Remove(Guid id)
    {
        if (await db.Set<IroWorkingTime>().SingleOrDefaultAsync(w => w.Id == id) is not { } row) return NotFound();
        db.Remove(row);
        await db.SaveChangesAsync();
        TempData.Saved = $"Removed {row.IroName}'s working time from {UkTime.Format(row.From)}.";
        return RedirectToRoute(PerformanceRoutes.WorkingTime);
    }

    private double? Fte(string? text, string field, string what, double min)
    {
        if (string.IsNullOrWhiteSpace(text)) { ModelState.AddModelError(field, $"Enter {what}, like 0.8 for four days a week"); return null; }
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > IroWorkingTime.MaxFte)
        {
            ModelState.AddModelError(field, $"Enter {what} as a number from {min:0.0} to {IroWorkingTime.MaxFte:0.0}, like 0.8 for four days a week");
            return null;
        }
        return Math.Round(value, 2);
    }

    /// <summary>The IROs by the names the allocation lists use, and the portal's IROs.</summary>
    private async Task<IReadOnlyList<string>> IroNamesAsync()
    {
        var listed = await db.Set<IroAllocation>().Where(a => a.YearStart >= 0).Select(a => a.IroName).Distinct().ToListAsync();
        var portal = (await staff.InRoleAsync(PortalRoles.Iro)).Select(s => s.DisplayName);
        return listed.Concat(portal).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private async Task<WorkingTimePage> PageAsync(WorkingTimeForm form) =>
        new(await IroNamesAsync(), await db.Set<IroWorkingTime>().AsNoTracking().OrderBy(w => w.IroName).ThenByDescending(w => w.From).ToListAsync(), form, UkTime.Today(clock));
}
