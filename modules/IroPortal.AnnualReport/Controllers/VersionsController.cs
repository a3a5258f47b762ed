using IroPortal.AnnualReport.Contracts;
using IroPortal.AnnualReport.Models;
using IroPortal.AnnualReport.Services;
using IroPortal.AnnualReport.ViewModels;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.AnnualReport.Controllers;

/// <summary>Every save of the report: who, when, what changed; the differences between any two; restore.</summary>
[Area("AnnualReport")]
public sealed class VersionsController(PortalDbContext db, ReportService reports) : Controller
{
    [RequirePermission(ReportPermissions.Manage), HttpGet("/annual-report/{year:int}/versions", Name = ReportRoutes.Versions)]
    public async Task<IActionResult> Index(int year)
    {
        var report = await db.Set<Report>().AsNoTracking().SingleOrDefaultAsync(r => r.YearStart == year);
        if (report is null) return NotFound();
        var versions = await db.Set<ReportVersion>().AsNoTracking().Where(v => v.ReportId == report.Id)
            .Select(v => new ReportVersion { Number = v.Number, SavedUtc = v.SavedUtc, SavedByName = v.SavedByName, Change = v.Change })
            .ToListAsync();
        return View(new VersionsPage(report, versions.OrderByDescending(v => v.Number).ToList()));
    }

    [RequirePermission(ReportPermissions.Manage), HttpGet("/annual-report/{year:int}/versions/compare", Name = ReportRoutes.VersionsCompare)]
    public async Task<IActionResult> Compare(int year, int? from, int? to)
    {
        var report = await db.Set<Report>().AsNoTracking().SingleOrDefaultAsync(r => r.YearStart == year);
        if (report is null) return NotFound();
        var newer = to ?? report.CurrentVersion;
        var older = from ?? Math.Max(1, newer - 1);
        if (older > newer) (older, newer) = (newer, older);
        var pair = await db.Set<ReportVersion>().AsNoTracking().Where(v => v.ReportId == report.Id && (v.Number == older || v.Number == newer)).ToListAsync();
        var a = pair.SingleOrDefault(v => v.Number == older);
        var b = pair.SingleOrDefault(v => v.Number == newer);
        if (a is null || b is null)
        {
            TempData.Problem = $"There is no version {(a is null ? older : newer)}. Versions run from 1 to {report.CurrentVersion}.";
            return RedirectToRoute(ReportRoutes.Versions, new { year });
        }
        var diff = VersionDiff.Compare(ReportSnapshot.FromJson(a.Snapshot), ReportSnapshot.FromJson(b.Snapshot));
        return View(new ComparePage(report, a, b, diff));
    }

    [RequirePermission(ReportPermissions.Manage), HttpPost("/annual-report/{year:int}/versions/{number:int}/restore", Name = ReportRoutes.VersionsRestore)]
    public async Task<IActionResult> Restore(int year, int number)
    {
        var report = await reports.FindAsync(year);
        if (report is null) return NotFound();
        var version = await db.Set<ReportVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.ReportId == report.Id && v.Number == number);
        if (version is null) return NotFound();
        if (!ReportWorkflow.CanEdit(report.Status))
        {
            TempData.Problem = "The report is approved, so its text is frozen. Nothing was restored.";
            return RedirectToRoute(ReportRoutes.Versions, new { year });
        }
        try
        {
            await reports.RestoreAsync(report, version, User.DisplayName());
            TempData.Saved = $"Version {number} restored as version {report.CurrentVersion}. Nothing was lost: the versions in between are still here.";
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData.Problem = "Someone saved the report at the same moment, so nothing was restored. Look at the versions again and retry.";
        }
        return RedirectToRoute(ReportRoutes.Versions, new { year });
    }
}
