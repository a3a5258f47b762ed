using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Performance.Contracts;
using IroPortal.Performance.Models;
using IroPortal.Performance.Services;
using IroPortal.Performance.ViewModels;
using IroPortal.Spreadsheets;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IroPortal.Performance.Controllers;

/// <summary>The year's review figures, and the import of the SSDA903 return that feeds them.</summary>
[Area("Performance")]
public sealed class PerformanceController(PortalDbContext db, IReviewFigures figures, ImportService imports, ImportQueue queue, IOptions<UploadLimits> limits, TimeProvider clock) : Controller
{
    private int CurrentYear => ReportingYear.Containing(UkTime.Today(clock));

    private int SafeYear(int? year) => year is { } y && ReturnYears.IsValid(y, CurrentYear) ? y : CurrentYear - 1;

    [RequirePermission(PerformancePermissions.View), HttpGet("/performance", Name = PerformanceRoutes.Performance)]
    public async Task<IActionResult> Index(int? year)
    {
        var chosen = year is null ? await LatestImportedYear() ?? CurrentYear - 1 : SafeYear(year);
        var (figuresOfYear, trend) = await figures.WithTrendAsync(chosen);
        return View(new FiguresPage(figuresOfYear, CurrentYear, await LastImport(chosen), await YearsWithData(), trend));
    }

    [RequirePermission(PerformancePermissions.View), HttpGet("/performance/export", Name = PerformanceRoutes.Export)]
    public async Task<IActionResult> Export(int? year)
    {
        var (f, years) = await figures.WithTrendAsync(SafeYear(year));
        using var workbook = new Workbook();
        workbook.AddSheet("Summary").Header("Measure", "Value")
            .Row("Reporting year", ReportingYear.Name(f.YearStart)).Row($"Looked after on {UkTime.Format(f.StartCountDate)}", f.LookedAfterAtStart).Row($"Looked after on {UkTime.Format(f.To)}", f.LookedAfterAtEnd)
            .Row("Started care", f.StartedCare).Row("Left care", f.LeftCare).Row("Reviews held", f.ReviewsHeld).Row("Reviews checked for timeliness", f.ReviewsAssessed)
            .Row("Reviews on time", f.ReviewsOnTime).Row("Reviews on time (%)", f.OnTimePercent).Row("Reviews of children aged 4 or over", f.ReviewsOfChildrenAgedFourOrOver)
            .Row("Of which the child participated (PN1 to PN6)", f.ReviewsWithParticipation).Row("Participation (%)", f.ParticipationPercent);
        var codes = workbook.AddSheet("Participation").Header("Code", "Meaning", "Reviews");
        foreach (var c in f.Codes) codes.Row(c.Code, c.Meaning, c.Reviews);
        var iros = workbook.AddSheet("IROs").Header("IRO", "Children on the last day", "Average over the year", "FTE", "FTE from", "Caseload per full-time IRO",
            $"Within {f.CaseloadLow} to {f.CaseloadHigh}", "Reviews", "On time", "On time (%)");
        foreach (var i in f.Iros)
            iros.Row(i.Iro, i.OnYearEnd, i.AverageOverYear, i.Fte, FteWords(i.FteFrom), i.Caseload, i.WithinRange ? "Yes" : "No", i.ReviewsHeld, i.ReviewsOnTime, i.OnTimePercent);
        var profile = workbook.AddSheet("The children").Header("Measure", "Group", $"Looked after on {UkTime.Format(f.To)}", "Started in the year");
        foreach (var g in f.Profile) profile.Row(g.Measure, g.Group, g.AtEnd, g.Started);
        var trend = workbook.AddSheet("Over the years").Header("Reporting year", "Looked after at the start", "Started", "Stopped", "Looked after at the end",
            "Reviews checked for timeliness", "On time", "On time (%)", "Reviews of children aged 4 or over", "Took part", "Participation (%)", "IROs", "Children per full-time IRO");
        foreach (var y in years)
            trend.Row(y.YearLabel, y.LookedAfterAtStart, y.StartedCare, y.LeftCare, y.LookedAfterAtEnd, y.ReviewsAssessed, y.ReviewsOnTime, y.OnTimePercent,
                y.ReviewsOfChildrenAgedFourOrOver, y.ReviewsWithParticipation, y.ParticipationPercent, y.Iros.Count, y.AverageCaseload);
        return File(workbook.ToBytes(), Workbook.ContentType, $"review-figures-{f.YearStart}-{f.YearStart + 1}.xlsx");
    }

    [RequirePermission(PerformancePermissions.Import), HttpGet("/performance/import", Name = PerformanceRoutes.Upload)]
    public IActionResult Upload() => View(new UploadPage(CurrentYear - 1, CurrentYear));

    [RequirePermission(PerformancePermissions.Import), HttpPost("/performance/import"), AuditsChange("Return uploaded for checking")]
    [RequestSizeLimit(300L * 1024 * 1024), RequestFormLimits(MultipartBodyLengthLimit = 300L * 1024 * 1024)]
    public async Task<IActionResult> Upload(int? year, List<IFormFile> files, [Bind(Prefix = "RunsTo")] DateParts? runsTo)
    {
        if (year is not { } y || !ReturnYears.IsValid(y, CurrentYear))
            ModelState.AddModelError("year", "Choose the reporting year the return is for");
        // Empty for the annual return; the last day it covers for an extract for part of the year.
        runsTo ??= new DateParts();
        var extractTo = runsTo.IsEmpty ? null : runsTo.Validate(ModelState, "RunsTo", "the last day the extract covers");
        if (extractTo is { } day && year is { } forYear && imports.RunsToProblem(forYear, day) is { } dayProblem) ModelState.AddModelError("RunsTo", dayProblem);
        if (files.Count == 0)
            ModelState.AddModelError("files", "Choose the return's files: header.csv, episodes.csv and reviews.csv (or one .xlsx workbook), and the IRO allocation list");
        var sources = new List<SourceFile>();
        foreach (var file in files)
        {
            if (file.Length > limits.Value.MaxFileBytes)
            {
                ModelState.AddModelError("files", $"{file.FileName} is larger than {limits.Value.MaxFileBytes / (1024 * 1024)} MB");
                continue;
            }
            using var memory = new MemoryStream();
            await file.CopyToAsync(memory);
            sources.Add(new SourceFile(Path.GetFileName(file.FileName), memory.ToArray()));
        }
        if (ModelState.IsValid)
        {
            try
            {
                imports.Check(sources, year!.Value); // refuses unsafe or unreadable files before anything is kept
            }
            catch (RefusedFileException refused)
            {
                ModelState.AddModelError("files", refused.Message);
            }
        }
        if (!ModelState.IsValid) return View(new UploadPage(year ?? CurrentYear - 1, CurrentYear) { RunsTo = runsTo });
        var staged = await imports.StageAsync(sources, year!.Value, User.UserId()!.Value, User.DisplayName(), extractTo);
        return RedirectToAction(nameof(Check), new { id = staged });
    }

    [RequirePermission(PerformancePermissions.Import), HttpGet("/performance/import/{id:guid}", Name = PerformanceRoutes.Check), AuditsChildData("A return being checked")]
    public async Task<IActionResult> Check(Guid id)
    {
        var staged = await imports.StagedAsync(id);
        if (staged is null) return View("UploadGone");
        var parsed = imports.Check(ImportService.Files(staged), staged.YearStart);
        return View(new CheckPage(staged, parsed, await Current(staged.YearStart), await LastImport(staged.YearStart)));
    }

    [RequirePermission(PerformancePermissions.Import), HttpGet("/performance/import/{id:guid}/problems", Name = PerformanceRoutes.Problems), AuditsChildData("Problems in a return")]
    public async Task<IActionResult> Problems(Guid id)
    {
        var staged = await imports.StagedAsync(id);
        if (staged is null) return NotFound();
        var parsed = imports.Check(ImportService.Files(staged), staged.YearStart);
        using var workbook = new Workbook();
        var sheet = workbook.AddSheet("Problems").Header("Severity", "File", "Row", "Column", "Problem");
        foreach (var p in parsed.Problems.OrderBy(p => p.Severity))
            sheet.Row(p.Severity.ToString(), p.File, p.Row, p.Column, p.Message);
        return File(workbook.ToBytes(), Workbook.ContentType, $"import-check-{staged.YearStart}.xlsx");
    }

    [RequirePermission(PerformancePermissions.Import), HttpPost("/performance/import/{id:guid}/confirm", Name = PerformanceRoutes.Confirm), AuditsChange("Return imported")]
    public async Task<IActionResult> Confirm(Guid id)
    {
        var staged = await imports.StagedAsync(id);
        if (staged is null) return View("UploadGone");
        var files = ImportService.Files(staged);
        if (!imports.Check(files, staged.YearStart).CanImport) return RedirectToAction(nameof(Check), new { id });
        var import = await imports.QueueAsync(staged.YearStart, files, User.DisplayName(), staged.Id, runsTo: staged.RunsTo);
        await queue.EnqueueAsync(import.Id);
        return RedirectToAction(nameof(Import), new { id = import.Id });
    }

    [RequirePermission(PerformancePermissions.Import), HttpGet("/performance/imports", Name = PerformanceRoutes.History)]
    public async Task<IActionResult> History() =>
        View(await db.Set<ReturnImport>().AsNoTracking().OrderByDescending(i => i.StartedUtc).Take(100).ToListAsync());

    [RequirePermission(PerformancePermissions.Import), HttpGet("/performance/imports/{id:guid}", Name = PerformanceRoutes.Import)]
    public async Task<IActionResult> Import(Guid id)
    {
        var import = await db.Set<ReturnImport>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
        return import is null ? NotFound() : View(new ImportPage(import, imports.IsInterrupted(import)));
    }

    public static string FteWords(FteSource source) => source switch
    {
        FteSource.Profile => "the IRO's working time",
        FteSource.AllocationList => "the allocation list",
        _ => "assumed full time",
    };

    private async Task<IReadOnlySet<int>> YearsWithData() =>
        (await db.Set<ReturnImport>().Where(i => i.State == ImportState.Completed).Select(i => i.YearStart).Distinct().ToListAsync()).ToHashSet();

    private async Task<int?> LatestImportedYear() =>
        await db.Set<ReturnImport>().Where(i => i.State == ImportState.Completed).OrderByDescending(i => i.YearStart).Select(i => (int?)i.YearStart).FirstOrDefaultAsync();

    private Task<ReturnImport?> LastImport(int year) =>
        db.Set<ReturnImport>().AsNoTracking().Where(i => i.YearStart == year && i.State == ImportState.Completed).OrderByDescending(i => i.FinishedUtc).FirstOrDefaultAsync();

    private async Task<(int Children, int Episodes, int Reviews, int Allocations)> Current(int year) => (
        await db.Set<CareChild>().CountAsync(c => c.YearStart == year), await db.Set<CareEpisode>().CountAsync(e => e.YearStart == year),
        await db.Set<CareReview>().CountAsync(r => r.YearStart == year), await db.Set<IroAllocation>().CountAsync(a => a.YearStart == year));
}
