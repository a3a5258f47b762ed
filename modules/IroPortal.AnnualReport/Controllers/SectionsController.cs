using IroPortal.AnnualReport.Contracts;
using IroPortal.AnnualReport.Models;
using IroPortal.AnnualReport.Services;
using IroPortal.AnnualReport.ViewModels;
using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.AnnualReport.Controllers;

/// <summary>Writing the report: a section's editor with live preview, figures blocks and the IROs'
/// contributions beside it; adding, renaming, moving and removing sections; updates on last year's
/// priorities; comments in review.</summary>
[Area("AnnualReport")]
public sealed class SectionsController(ReportService reports, FigureBlocks figures, IEnumerable<IContributionSource> contributions, ReportAccess access) : Controller
{
    private const string Frozen = "The report is approved, so its text is frozen. Nothing changed.";

    [RequirePermission(ReportPermissions.Manage), HttpGet("/annual-report/{year:int}/sections/{id:guid}", Name = ReportRoutes.SectionsEdit)]
    public async Task<IActionResult> Edit(int year, Guid id)
    {
        var (report, section) = await FindAsync(year, id);
        if (report is null || section is null) return NotFound();
        if (!ReportWorkflow.CanEdit(report.Status)) return RedirectToRoute(ReportRoutes.ReportsRead, new { year }, SectionHtml.Anchor(section));
        if (section.Key == ReportOutline.ProgressLast) await reports.RefreshCarriedActionsAsync(report, User.DisplayName());
        return View(await PageAsync(report, section, section.Body, section.Revision, null));
    }

    [RequirePermission(ReportPermissions.Manage), HttpPost("/annual-report/{year:int}/sections/{id:guid}", Name = ReportRoutes.SectionsEdit)]
    public async Task<IActionResult> Edit(int year, Guid id, string? body, int revision)
    {
        var (report, section) = await FindAsync(year, id);
        if (report is null || section is null) return NotFound();
        body ??= "";
        if (!ReportWorkflow.CanEdit(report.Status))
        {
            ModelState.AddModelError("body", Frozen + " Your text is below so you can copy it.");
            return View(await PageAsync(report, section, body, revision, null));
        }
        if (body.Length > ReportService.MaxBody)
        {
            ModelState.AddModelError("body", $"The section must be {ReportService.MaxBody:N0} characters or fewer; it is {body.Length:N0}");
            return View(await PageAsync(report, section, body, revision, null));
        }
        var saved = await reports.SaveSectionAsync(report, section, body, revision, User.DisplayName());
        if (!saved.Saved)
        {
            ModelState.AddModelError("body", $"{saved.Current.UpdatedByName} saved this section at {UkTime.Format(saved.Current.UpdatedUtc)}, after you opened it. " +
                "Your text has not been saved and is kept below; their version is shown beside it. Merge the two, then save again.");
            return View(await PageAsync(report, saved.Current, body, saved.Current.Revision, saved.Current));
        }
        TempData.Saved = $"\u201c{section.Title}\u201d saved as version {report.CurrentVersion}.";
        return RedirectToRoute(ReportRoutes.SectionsEdit, new { year, id });
    }

    /// <summary>The live preview: the same rendering as the report, with figures as they are now.</summary>
    [RequirePermission(ReportPermissions.Manage), HttpPost("/annual-report/{year:int}/preview", Name = ReportRoutes.SectionsPreview)]
    public async Task<IActionResult> Preview(int year, string? body)
    {
        var report = await reports.FindAsync(year);
        if (report is null) return NotFound();
        var values = await figures.ForReportAsync(report);
        return Content(ReportMarkdownHtml(body ?? "", values), "text/html; charset=utf-8");
    }

    private static string ReportMarkdownHtml(string body, IReadOnlyDictionary<string, FigureTable> values)
    {
        using var writer = new StringWriter();
        ReportMarkdown.Render(body, kind => FigureBlocks.Render(values, kind)).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [RequirePermission(ReportPermissions.Manage), HttpPost("/annual-report/{year:int}/sections/new", Name = ReportRoutes.SectionsAdd)]
    public async Task<IActionResult> Add(int year, string? title)
    {
        var report = await reports.FindAsync(year);
        if (report is null) return NotFound();
        if (Problem(report, title) is { } problem) return Back(year, problem);
        await reports.AddSectionAsync(report, title!.Trim(), User.DisplayName());
        TempData.Saved = $"Section \u201c{title.Trim()}\u201d added at the end.";
        return RedirectToRoute(ReportRoutes.ReportsCompile, new { year });
    }

    [RequirePermission(ReportPermissions.Manage), HttpPost("/annual-report/{year:int}/sections/{id:guid}/rename", Name = ReportRoutes.SectionsRename)]
    public async Task<IActionResult> Rename(int year, Guid id, string? title)
    {
        var (report, section) = await FindAsync(year, id);
        if (report is null || section is null) return NotFound();
        if (Problem(report, title) is { } problem) return Back(year, problem);
        await reports.RenameSectionAsync(report, section, title!.Trim(), User.DisplayName());
        TempData.Saved = $"Section renamed \u201c{title.Trim()}\u201d.";
        return RedirectToRoute(ReportRoutes.ReportsCompile, new { year });
    }

    [RequirePermission(ReportPermissions.Manage), HttpPost("/annual-report/{year:int}/sections/{id:guid}/move", Name = ReportRoutes.SectionsMove)]
    public async Task<IActionResult> Move(int year, Guid id, string? direction)
    {
        var (report, section) = await FindAsync(year, id);
        if (report is null || section is null) return NotFound();
        if (!ReportWorkflow.CanEdit(report.Status)) return Back(year, Frozen);
        await reports.MoveSectionAsync(report, section, direction == "up", User.DisplayName());
        return RedirectToRoute(ReportRoutes.ReportsCompile, new { year }, SectionHtml.Anchor(section));
    }

    [RequirePermission(ReportPermissions.Manage), HttpPost("/annual-report/{year:int}/sections/{id:guid}/remove", Name = ReportRoutes.SectionsRemove)]
    public async Task<IActionResult> Remove(int year, Guid id)
    {
        var (report, section) = await FindAsync(year, id);
        if (report is null || section is null) return NotFound();
        if (!ReportWorkflow.CanEdit(report.Status)) return Back(year, Frozen);
        await reports.RemoveSectionAsync(report, section, User.DisplayName());
        TempData.Saved = $"Section \u201c{section.Title}\u201d removed. Its text is kept in version {report.CurrentVersion - 1}, which you can restore.";
        return RedirectToRoute(ReportRoutes.ReportsCompile, new { year });
    }

    [RequirePermission(ReportPermissions.Manage), HttpPost("/annual-report/{year:int}/progress/{id:guid}", Name = ReportRoutes.SectionsProgress)]
    public async Task<IActionResult> Progress(int year, Guid id, string? update)
    {
        var report = await reports.FindAsync(year);
        var item = report?.Progress.SingleOrDefault(p => p.Id == id);
        var section = report?.Sections.FirstOrDefault(s => s.Key == ReportOutline.ProgressLast);
        if (report is null || item is null) return NotFound();
        var back = section is null ? Url.RouteUrl(ReportRoutes.ReportsCompile, new { year })! : Url.RouteUrl(ReportRoutes.SectionsEdit, new { year, id = section.Id })!;
        if (!ReportWorkflow.CanEdit(report.Status)) { TempData.Problem = Frozen; return Redirect(back); }
        if (update?.Length > 8000) { TempData.Problem = "An update must be 8,000 characters or fewer. Nothing was saved."; return Redirect(back); }
        await reports.UpdateProgressAsync(report, item, update?.Trim() ?? "", User.DisplayName());
        TempData.Saved = "Update saved.";
        return Redirect(back);
    }

    [RequirePermission(ReportPermissions.Manage, ReportPermissions.Review), HttpPost("/annual-report/{year:int}/sections/{id:guid}/comments", Name = ReportRoutes.SectionsComment)]
    public async Task<IActionResult> Comment(int year, Guid id, string? text)
    {
        var (report, section) = await FindAsync(year, id);
        if (report is null || section is null || !await access.CanReadAsync(User, report)) return NotFound();
        var back = Url.RouteUrl(ReportRoutes.ReportsRead, new { year }) + "#" + SectionHtml.Anchor(section);
        if (!await access.CanCommentAsync(User, report)) { TempData.Problem = "Comments can be made only while the report is in review."; return Redirect(back); }
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            TempData.Problem = string.IsNullOrWhiteSpace(text) ? $"Write your comment on \u201c{section.Title}\u201d before sending it." : "A comment must be 4,000 characters or fewer.";
            return Redirect(back);
        }
        await reports.CommentAsync(section, text.Trim(), User.UserId() ?? Guid.Empty, User.DisplayName());
        TempData.Saved = $"Comment on \u201c{section.Title}\u201d sent.";
        return Redirect(back);
    }

    private static string? Problem(Report report, string? title) =>
        !ReportWorkflow.CanEdit(report.Status) ? Frozen
        : string.IsNullOrWhiteSpace(title) ? "Enter the section's title"
        : title.Trim().Length > ReportService.MaxTitle ? $"A section title must be {ReportService.MaxTitle} characters or fewer"
        : null;

    private IActionResult Back(int year, string problem)
    {
        TempData.Problem = problem;
        return RedirectToRoute(ReportRoutes.ReportsCompile, new { year });
    }

    private async Task<(Report?, ReportSection?)> FindAsync(int year, Guid id)
    {
        var report = await reports.FindAsync(year);
        return (report, report?.Sections.SingleOrDefault(s => s.Id == id));
    }

    private async Task<EditPage> PageAsync(Report report, ReportSection section, string body, int revision, ReportSection? theirs) =>
        new(report, section, body, revision, theirs, await figures.ForReportAsync(report), await AcceptedAsync(report.YearStart));

    /// <summary>The IROs' accepted contributions, from the Contributions module when it is installed.</summary>
    private async Task<IReadOnlyList<AcceptedContribution>> AcceptedAsync(int year)
    {
        var accepted = new List<AcceptedContribution>();
        foreach (var source in contributions) accepted.AddRange(await source.AcceptedAsync(year));
        return accepted;
    }
}
