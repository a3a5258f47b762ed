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
using Microsoft.Extensions.Options;

namespace IroPortal.AnnualReport.Controllers;

/// <summary>The list of reports, the manager's compile page, the reading view, the workflow and the exports.</summary>
[Area("AnnualReport")]
public sealed class ReportsController(PortalDbContext db, ReportService reports, FigureBlocks figures, ReportAccess access,
    IOptions<CouncilOptions> council, IPermissionChecker permissions, TimeProvider clock) : Controller
{
    [RequirePermission(ReportPermissions.Manage, ReportPermissions.Review, ReportPermissions.ReadShared), HttpGet("/annual-report", Name = ReportRoutes.Reports)]
    public async Task<IActionResult> Index()
    {
        var all = await db.Set<Report>().AsNoTracking().OrderByDescending(r => r.YearStart).ToListAsync();
        var visible = new List<Report>();
        foreach (var report in all)
            if (await access.CanReadAsync(User, report)) visible.Add(report);
        var isManager = await access.IsManagerAsync(User);
        var today = UkTime.Today(clock);
        var startable = isManager ? StartableYears(today).Where(y => all.All(r => r.YearStart != y)).ToList() : [];
        return View(new ReportsPage(visible, isManager, startable));
    }

    [RequirePermission(ReportPermissions.Manage), HttpPost("/annual-report/new", Name = ReportRoutes.ReportsCreate)]
    public async Task<IActionResult> Create(int yearStart)
    {
        if (!StartableYears(UkTime.Today(clock)).Contains(yearStart))
        {
            TempData.Problem = "Choose the year just ended or the year in progress.";
            return RedirectToRoute(ReportRoutes.Reports);
        }
        if (await reports.FindAsync(yearStart) is not null)
        {
            TempData.Problem = $"The report for {ReportingYear.Name(yearStart)} has already been started.";
            return RedirectToRoute(ReportRoutes.ReportsCompile, new { year = yearStart });
        }
        try
        {
            var report = await reports.CreateAsync(yearStart, User.DisplayName());
            TempData.Saved = $"Report for {ReportingYear.Name(yearStart)} started from the standard outline" +
                (report.Progress.Count > 0 ? $", with {report.Progress.Count} of last year's priorities waiting for your update." : ".");
        }
        catch (DbUpdateException)
        {
            TempData.Problem = $"Someone else started the report for {ReportingYear.Name(yearStart)} at the same moment. Here it is.";
        }
        return RedirectToRoute(ReportRoutes.ReportsCompile, new { year = yearStart });
    }

    [RequirePermission(ReportPermissions.Manage), HttpGet("/annual-report/{year:int}", Name = ReportRoutes.ReportsCompile)]
    public async Task<IActionResult> Compile(int year)
    {
        var report = await reports.FindAsync(year);
        if (report is null) return NotFound();
        await reports.RefreshCarriedActionsAsync(report, User.DisplayName());
        var ids = report.Sections.Select(s => s.Id).ToList();
        var commentCounts = (await db.Set<SectionComment>().AsNoTracking().Where(c => ids.Contains(c.SectionId)).Select(c => c.SectionId).ToListAsync())
            .CountBy(id => id).ToDictionary();
        return View(new CompilePage(report, commentCounts, await permissions.IsGrantedAsync(User, ReportPermissions.Approve)));
    }

    [RequirePermission(ReportPermissions.Manage, ReportPermissions.Review, ReportPermissions.ReadShared), HttpGet("/annual-report/{year:int}/read", Name = ReportRoutes.ReportsRead)]
    public async Task<IActionResult> Read(int year)
    {
        if (await ReadableAsync(year) is not { } report) return NotFound();
        var ids = report.Sections.Select(s => s.Id).ToList();
        var comments = (await db.Set<SectionComment>().AsNoTracking().Where(c => ids.Contains(c.SectionId)).ToListAsync())
            .OrderBy(c => c.CreatedUtc).ToLookup(c => c.SectionId);
        return View(new ReadPage(report, await figures.ForReportAsync(report), comments, await access.CanCommentAsync(User, report), await access.IsManagerAsync(User)));
    }

    [RequirePermission(ReportPermissions.Manage), HttpPost("/annual-report/{year:int}/status", Name = ReportRoutes.ReportsStatus)]
    public async Task<IActionResult> Status(int year, string? to) => await MoveAsync(year, to switch
    {
        "review" => ReportStatus.InReview,
        "draft" => ReportStatus.Draft,
        _ => (ReportStatus?)null,
    });

    [RequirePermission(ReportPermissions.Approve), HttpPost("/annual-report/{year:int}/approve", Name = ReportRoutes.ReportsApprove)]
    public Task<IActionResult> Approve(int year) => MoveAsync(year, ReportStatus.Approved);

    /// <summary>An approved report back to draft for a correction: only someone who may approve it again.</summary>
    [RequirePermission(ReportPermissions.Approve), HttpPost("/annual-report/{year:int}/reopen", Name = ReportRoutes.ReportsReopen)]
    public Task<IActionResult> Reopen(int year) => MoveAsync(year, ReportStatus.Draft, reopening: true);

    private async Task<IActionResult> MoveAsync(int year, ReportStatus? to, bool reopening = false)
    {
        var report = await reports.FindAsync(year);
        if (report is null) return NotFound();
        if (to is not { } target || !ReportWorkflow.CanMove(report.Status, target) || report.Status == ReportStatus.Approved && !reopening)
        {
            TempData.Problem = $"The report is {ReportWorkflow.Name(report.Status).ToLowerInvariant()}, so it cannot be {(to is { } t ? ReportWorkflow.Name(t).ToLowerInvariant() : "moved that way")}. Nothing changed.";
            return RedirectToRoute(ReportRoutes.ReportsCompile, new { year });
        }
        try
        {
            await reports.MoveAsync(report, target, User.DisplayName());
            TempData.Saved = target switch
            {
                ReportStatus.InReview => "Sent for review. Senior managers can now read it and comment on each section.",
                ReportStatus.Draft when reopening => "Reopened for a correction. What was published stays published until you publish the corrected version.",
                ReportStatus.Draft => "Taken back to draft. Reviewers no longer see it.",
                _ => "Approved. The text and figures are frozen: a later import will not change this report.",
            };
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData.Problem = "Someone changed the report at the same moment, so nothing changed. Look at it again and retry.";
        }
        return RedirectToRoute(ReportRoutes.ReportsCompile, new { year });
    }

    [RequirePermission(ReportPermissions.Manage), HttpPost("/annual-report/{year:int}/share", Name = ReportRoutes.ReportsShare)]
    public async Task<IActionResult> Share(int year, bool share)
    {
        var report = await reports.FindAsync(year);
        if (report is null) return NotFound();
        if (report.Status != ReportStatus.InReview)
        {
            TempData.Problem = "Only a report in review can be shared with the IROs.";
            return RedirectToRoute(ReportRoutes.ReportsCompile, new { year });
        }
        await reports.ShareWithIrosAsync(report, share);
        TempData.Saved = share ? "Shared: the IROs can read the report while it is in review." : "The IROs can no longer read the report.";
        return RedirectToRoute(ReportRoutes.ReportsCompile, new { year });
    }

    [RequirePermission(ReportPermissions.Manage, ReportPermissions.Review), HttpGet("/annual-report/{year:int}/report.docx", Name = ReportRoutes.ReportsWord)]
    public async Task<IActionResult> Word(int year)
    {
        if (await ReadableAsync(year) is not { } report) return NotFound();
        var bytes = ReportExports.ToWord(report, await figures.ForReportAsync(report), council.Value.Name);
        return File(bytes, ReportExports.WordContentType, $"IRO annual report {year}-{(year + 1) % 100:00}.docx");
    }

    [RequirePermission(ReportPermissions.Manage, ReportPermissions.Review), HttpGet("/annual-report/{year:int}/figures.xlsx", Name = ReportRoutes.ReportsExcel)]
    public async Task<IActionResult> Excel(int year)
    {
        if (await ReadableAsync(year) is not { } report) return NotFound();
        var bytes = ReportExports.ToExcel(report, await figures.ForReportAsync(report), council.Value.Name);
        return File(bytes, IroPortal.Spreadsheets.Workbook.ContentType, $"IRO annual report {year}-{(year + 1) % 100:00} figures.xlsx");
    }

    /// <summary>The year's report if this user may read it; otherwise null, which the caller answers with 404.</summary>
    private async Task<Report?> ReadableAsync(int year) =>
        await reports.FindAsync(year) is { } report && await access.CanReadAsync(User, report) ? report : null;

    /// <summary>The year just ended (compiled in spring) or the one in progress.</summary>
    private static int[] StartableYears(DateOnly today) => [ReportingYear.Containing(today) - 1, ReportingYear.Containing(today)];
}
