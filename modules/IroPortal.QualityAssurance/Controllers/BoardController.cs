using IroPortal.Users.Contracts;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Contracts;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.QualityAssurance.ViewModels;
using IroPortal.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using IroPortal.Modularity.Forms;

namespace IroPortal.QualityAssurance.Controllers;

/// <summary>The compliance board: the seven activities for every IRO, what is overdue, and the year's figures.</summary>
[Area("QualityAssurance")]
[RequirePermission(QaPermissions.Manage)]
public sealed class BoardController(ComplianceService compliance, IQualityAssuranceFigures figures, QaExport export, TimeProvider clock) : Controller
{
    [HttpGet("/qa", Name = QaRoutes.Board)]
    public async Task<IActionResult> Index(int? year) =>
        View(await compliance.BoardAsync(SafeYear(year)));

    [HttpGet("/qa/figures", Name = QaRoutes.BoardFigures)]
    public async Task<IActionResult> Figures(int? year) => View(await figures.ForYearAsync(SafeYear(year)));

    [HttpGet("/qa/export", Name = QaRoutes.BoardExport), AuditsChildData("Quality-assurance workbook")]
    public async Task<IActionResult> Export(int? year)
    {
        var chosen = SafeYear(year);
        return File(await export.WorkbookAsync(chosen), Workbook.ContentType, $"quality-assurance-{chosen}-{chosen + 1}.xlsx");
    }

    [HttpGet("/qa/iros/{id:guid}", Name = QaRoutes.BoardIro), AuditsChildData("An IRO's quality-assurance records")]
    public async Task<IActionResult> Iro(Guid id, int? year)
    {
        var page = await compliance.IroPageAsync(id, SafeYear(year), includeDrafts: true);
        return page is null ? NotFound() : View("IroPage", page);
    }

    [HttpGet("/qa/standards", Name = QaRoutes.BoardStandards)]
    public async Task<IActionResult> Standards() => View(await StandardsPage());

    [HttpPost("/qa/standards", Name = QaRoutes.BoardStandards), AuditsChange("QA standards changed")]
    public async Task<IActionResult> Standards(StandardsForm form)
    {
        for (var i = 0; i < form.Standards.Count; i++)
            if (form.Standards[i].IntervalMonths is not (>= 1 and <= 24))
                ModelState.AddModelError($"Standards[{i}].IntervalMonths", $"Enter how many months, from 1 to 24, for {form.Standards[i].Activity.Name().ToLowerInvariant()}");
        if (form.Standards.Select(s => s.Activity).Order().SequenceEqual(QaText.Activities) is false)
            ModelState.AddModelError("", "The form's activities were changed. Reload the page and try again.");
        if (!ModelState.IsValid) return View(await StandardsPage(form));

        var changed = await compliance.SetStandardsAsync(form.Standards.Select(s => (s.Activity, s.IntervalMonths!.Value)).ToList(), User.DisplayName());
        TempData.Saved = changed == 0 ? "Nothing changed." : $"{changed} standard(s) changed from today.";
        return RedirectToAction(nameof(Standards));
    }

    private async Task<StandardsForm> StandardsPage(StandardsForm? form = null)
    {
        var history = await compliance.StandardsHistoryAsync();
        var today = UkTime.Today(clock);
        form ??= new StandardsForm { Standards = QaText.Activities.Select(a => new StandardInput { Activity = a, IntervalMonths = OverdueRules.IntervalOn(history, a, today) }).ToList() };
        form.History = history;
        return form;
    }

    /// <summary>A reporting year from the address, kept to years that make sense; the current one otherwise.</summary>
    private int SafeYear(int? year)
    {
        var current = ReportingYear.Containing(UkTime.Today(clock));
        return year is { } y && y >= 2000 && y <= current ? y : current;
    }
}
