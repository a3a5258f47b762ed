using IroPortal.Users.Contracts;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Contracts;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.QualityAssurance.ViewModels;
using IroPortal.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using IroPortal.Modularity.Forms;

namespace IroPortal.QualityAssurance.Controllers;

/// <summary>The compliance board: the seven activities for every IRO, what is overdue, and the year's figures.</summary>
[Area("QualityAssurance")]
[RequirePermission(QaPermissions.Manage)]
public sealed class BoardController(PortalDbContext db, ComplianceService compliance, IQualityAssuranceFigures figures, QaExport export, TimeProvider clock) : Controller
{
    [HttpGet("/qa")]
    public async Task<IActionResult> Index(int? year) =>
        View(await compliance.BoardAsync(SafeYear(year)));

    [HttpGet("/qa/figures")]
    public async Task<IActionResult> Figures(int? year) => View(await figures.ForYearAsync(SafeYear(year)));

    [HttpGet("/qa/export"), AuditsChildData("Quality-assurance workbook")]
    public async Task<IActionResult> Export(int? year)
    {
        var chosen = SafeYear(year);
        return File(await export.WorkbookAsync(chosen), Workbook.ContentType, $"quality-assurance-{chosen}-{chosen + 1}.xlsx");
    }

    [HttpGet("/qa/iros/{id:guid}"), AuditsChildData("An IRO's quality-assurance records")]
    public async Task<IActionResult> Iro(Guid id, int? year)
    {
        var page = await IroPage.LoadAsync(db, compliance, id, SafeYear(year), includeDrafts: true);
        return page is null ? NotFound() : View("IroPage", page);
    }

    [HttpGet("/qa/standards")]
    public async Task<IActionResult> Standards() => View(await StandardsPage());

    [HttpPost("/qa/standards"), AuditsChange("QA standards changed")]
    public async Task<IActionResult> Standards(StandardsForm form)
    {
        var today = UkTime.Today(clock);
        var current = await db.Set<QaStandard>().ToListAsync();
        for (var i = 0; i < form.Standards.Count; i++)
            if (form.Standards[i].IntervalMonths is not (>= 1 and <= 24))
                ModelState.AddModelError($"Standards[{i}].IntervalMonths", $"Enter how many months, from 1 to 24, for {form.Standards[i].Activity.Name().ToLowerInvariant()}");
        if (form.Standards.Select(s => s.Activity).Order().SequenceEqual(QaText.Activities) is false)
            ModelState.AddModelError("", "The form's activities were changed. Reload the page and try again.");
        if (!ModelState.IsValid) return View(await StandardsPage(form));

        var changed = 0;
        foreach (var input in form.Standards)
        {
            if (OverdueRules.IntervalOn(current, input.Activity, today) == input.IntervalMonths) continue;
            // From today: days before keep the standard that was in force then.
            var todays = current.SingleOrDefault(s => s.Activity == input.Activity && s.EffectiveFrom == today);
            if (todays is not null) todays.IntervalMonths = input.IntervalMonths!.Value;
            else db.Add(new QaStandard { Id = Guid.CreateVersion7(), Activity = input.Activity, IntervalMonths = input.IntervalMonths!.Value, EffectiveFrom = today, SetBy = User.DisplayName(), SetUtc = clock.GetUtcNow().UtcDateTime });
            changed++;
        }
        await db.SaveChangesAsync();
        TempData.Saved = changed == 0 ? "Nothing changed." : $"{changed} standard(s) changed from today.";
        return RedirectToAction(nameof(Standards));
    }

    private async Task<StandardsForm> StandardsPage(StandardsForm? form = null)
    {
        var history = await db.Set<QaStandard>().AsNoTracking().OrderByDescending(s => s.EffectiveFrom).ToListAsync();
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

/// <summary>One IRO's quality assurance: status, history, grades over time, open actions, feedback.</summary>
public sealed record IroPage(
    IroCompliance Compliance,
    int Year,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<CaseFileAudit> Audits,
    IReadOnlyList<QaAction> OpenActions,
    IReadOnlyList<FeedbackResponse> Feedback,
    bool ForTheIro)
{
    public static async Task<IroPage?> LoadAsync(PortalDbContext db, ComplianceService compliance, Guid iroId, int year, bool includeDrafts)
    {
        var board = await compliance.BoardAsync(year, iroId);
        if (board.Rows.Count == 0) return null;
        var observations = await db.Set<Observation>().AsNoTracking().Where(o => o.IroId == iroId && (includeDrafts || o.Status != RecordStatus.Draft))
            .OrderByDescending(o => o.ObservedOn).ToListAsync();
        var audits = await db.Set<CaseFileAudit>().AsNoTracking().Where(a => a.IroId == iroId).OrderByDescending(a => a.AuditedOn).ToListAsync();
        var actions = await db.Set<QaAction>().AsNoTracking().Where(a => a.IroId == iroId && a.CompletedOn == null).OrderBy(a => a.DueOn).ToListAsync();
        var feedback = await db.Set<FeedbackResponse>().AsNoTracking().Include(r => r.Answers).Where(r => r.IroId == iroId)
            .OrderByDescending(r => r.ReceivedOn).Take(50).ToListAsync();
        return new IroPage(board.Rows[0], year, observations, audits, actions, feedback, !includeDrafts);
    }
}
