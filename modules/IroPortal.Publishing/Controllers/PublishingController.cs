using IroPortal.AnnualReport.Contracts;
using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Publishing.Contracts;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;
using IroPortal.Publishing.ViewModels;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.Publishing.Controllers;

/// <summary>The manager's side of publishing: board-only parts, the privacy guard and its overrides, the
/// approved names, and publishing to the board and the public.</summary>
[Area("Publishing")]
[RequirePermission(PublishingPermissions.Publish)]
public sealed class PublishingController(GuardDecisions decisions, PublishingService publishing, ChildrenSummaryService children, SummaryTranslations translations, IApprovedReports reports,
    PdfPrinter printer, TimeProvider clock) : Controller
{
    public const int MaxReason = 1000;
    public const int MaxChangeNote = 2000;

    [HttpGet("/publishing", Name = PublishingRoutes.Publishing)]
    public async Task<IActionResult> Index()
    {
        var years = await reports.ApprovedYearsAsync();
        var releases = await decisions.LatestReleasesAsync();
        var published = releases.ToLookup(r => r.Year, r => (r.Audience, r.Number));
        var allYears = years.Union(releases.Select(r => r.Year)).OrderDescending().ToList();
        return View(new PublishingIndexPage(allYears, years.ToHashSet(), published));
    }

    [HttpGet("/publishing/{year:int}", Name = PublishingRoutes.Year)]
    public async Task<IActionResult> Year(int year) => await YearPage(year, new PublishBoardForm(), new PublishPublicForm());

    private async Task<IActionResult> YearPage(int year, PublishBoardForm board, PublishPublicForm publicForm)
    {
        var report = await publishing.ApprovedAsync(year);
        var releases = await publishing.ReleasesAsync(year);
        if (report is null && releases.Count == 0) return NotFound();
        GuardState? boardGuard = null, publicGuard = null;
        if (report is not null)
        {
            boardGuard = await publishing.CheckAsync(report, Audience.Board);
            publicGuard = await publishing.CheckAsync(report, Audience.Public);
        }
        return View("Year", new PublishingYearPage(year, report, await publishing.BoardOnlyAsync(year), boardGuard, publicGuard, releases, board, publicForm, printer.IsAvailable,
            GroupedFindings.Of(FixLink, boardGuard, publicGuard)));
    }

    [HttpPost("/publishing/{year:int}/board-only", Name = PublishingRoutes.BoardOnly)]
    public async Task<IActionResult> BoardOnly(int year, List<Guid> sectionIds)
    {
        if (await publishing.ApprovedAsync(year) is not { } report) return NotFound();
        var wanted = sectionIds.Where(id => report.Sections.Any(s => s.Id == id)).ToHashSet();
        await decisions.MarkBoardOnlyAsync(year, wanted, User.DisplayName());
        TempData.Saved = wanted.Count == 0 ? "No section is board-only: the public report will have every section."
            : $"{wanted.Count} section{(wanted.Count == 1 ? " is" : "s are")} board-only. They are in the board version and never in the public report.";
        return RedirectToRoute(PublishingRoutes.Year, new { year }, "board-only");
    }

    /// <summary>Adds a word the guard took for a name to the approved list, for every year.</summary>
    [HttpPost("/publishing/names", Name = PublishingRoutes.ApproveName)]
    public async Task<IActionResult> ApproveName(string? name, string? returnTo)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length is 0 or > 100)
            TempData.Problem = "Give the name to approve, in no more than 100 characters.";
        else if (await decisions.ApproveNameAsync(trimmed, User.DisplayName()))
            TempData.Saved = $"\u201c{trimmed}\u201d is approved as nobody's name (with its plural and possessive): the privacy guard will not stop at it again.";
        return Redirect(ReturnAddress.LocalOr(returnTo, Url.RouteUrl(PublishingRoutes.Names)!));
    }

    [HttpPost("/publishing/names/staff", Name = PublishingRoutes.ApproveStaffNames)]
    public async Task<IActionResult> ApproveStaffNames(string? returnTo)
    {
        var added = await publishing.ApproveStaffNamesAsync(User.DisplayName());
        TempData.Saved = added == 0 ? "Every member of staff's name was already approved." : $"{added} staff names approved.";
        return Redirect(ReturnAddress.LocalOr(returnTo, Url.RouteUrl(PublishingRoutes.Names)!));
    }

    [HttpGet("/publishing/names", Name = PublishingRoutes.Names)]
    public async Task<IActionResult> Names() => await NamesPage(null);

    private async Task<IActionResult> NamesPage(CaseReferencesForm? form)
    {
        var settings = await decisions.SettingsAsync();
        form ??= new CaseReferencesForm { Shapes = settings?.CaseReferenceShapes };
        return View("Names", new NamesPage(await decisions.ApprovedNamesAsync(), form, settings));
    }

    /// <summary>The shapes of the council's case references, so the guard finds them in what is published.</summary>
    [HttpPost("/publishing/case-references", Name = PublishingRoutes.CaseReferenceShapes)]
    public async Task<IActionResult> CaseReferenceShapes(CaseReferencesForm form)
    {
        var shapes = (form.Shapes ?? "").Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var (shape, line) in shapes.Select((s, i) => (s, i + 1)))
            if (CaseReferences.Problem(shape) is { } problem) ModelState.AddModelError("Form.Shapes", $"Line {line}: {problem}");
        if (shapes.Length > 20) ModelState.AddModelError("Form.Shapes", "Give no more than 20 shapes");
        if (!ModelState.IsValid) return await NamesPage(form);
        await decisions.SaveCaseReferenceShapesAsync(shapes, User.DisplayName());
        TempData.Saved = shapes.Length == 0 ? "The privacy guard looks for case references of the usual shapes."
            : $"The privacy guard looks for case references shaped {string.Join(", ", shapes)} and the usual shapes.";
        return RedirectToRoute(PublishingRoutes.Names, null, "case-references");
    }

    [HttpPost("/publishing/names/{id:guid}/remove", Name = PublishingRoutes.RemoveName)]
    public async Task<IActionResult> RemoveName(Guid id)
    {
        if (await decisions.RemoveNameAsync(id) is not { } name) return NotFound();
        TempData.Saved = $"\u201c{name.Name}\u201d is no longer approved: the privacy guard will stop at it again.";
        return RedirectToRoute(PublishingRoutes.Names);
    }

    /// <summary>Records that a finding is a false positive (or that a small number does not count children), with the
    /// reason and who. For the report, one decision holds for the board version and the public report alike.</summary>
    [HttpPost("/publishing/{year:int}/overrides", Name = PublishingRoutes.Override)]
    public async Task<IActionResult> Override(int year, Audience audience, string? key, string? reason, string? person, string? returnTo)
    {
        var back = ReturnAddress.LocalOr(returnTo, Url.RouteUrl(PublishingRoutes.Year, new { year })!);
        var findings = await FindingsAsync(year, audience);
        if (findings.FirstOrDefault(f => f.Finding.Key == key && f.Finding.Effect != FindingEffect.Unreadable) is not { } finding)
        {
            TempData.Problem = "That finding is no longer there: the report or the approved names have changed. Here is the guard as it is now.";
            return Redirect(back);
        }
        // "This is Grace Murphy, the IRO": a lone first name of an approved person, answered for this place only.
        var because = finding.Finding.Person is { } who && person == who ? $"This is {who}, named on the approved list." : (reason ?? "").Trim();
        if (because.Length is 0 or > MaxReason)
        {
            TempData.Problem = $"Give the reason \u201c{finding.Finding.Text}\u201d in {finding.Finding.Where} can be published, in no more than {MaxReason} characters.";
            return Redirect(back);
        }
        await decisions.OverrideAsync(year, audience, finding, because, User.DisplayName());
        TempData.Saved = $"Override recorded for \u201c{finding.Finding.Text}\u201d, with your reason.";
        return Redirect(back);
    }

    [HttpPost("/publishing/{year:int}/overrides/{id:guid}/remove", Name = PublishingRoutes.RemoveOverride)]
    public async Task<IActionResult> RemoveOverride(int year, Guid id, string? returnTo)
    {
        if (await decisions.WithdrawOverrideAsync(year, id) is not { } found) return NotFound();
        TempData.Saved = $"Override withdrawn: \u201c{found.Text}\u201d is a finding again.";
        return Redirect(ReturnAddress.LocalOr(returnTo, Url.RouteUrl(PublishingRoutes.Year, new { year })!));
    }

    /// <summary>What a version would look like if published now, with the guard's findings listed above it.</summary>
    [HttpGet("/publishing/{year:int}/preview/{audience}", Name = PublishingRoutes.Preview)]
    public async Task<IActionResult> Preview(int year, Audience audience)
    {
        if (audience == Audience.Children || await publishing.ApprovedAsync(year) is not { } report) return NotFound();
        return View(new PreviewPage(year, audience, await publishing.CheckAsync(report, audience)));
    }

    [HttpPost("/publishing/{year:int}/board", Name = PublishingRoutes.PublishBoard)]
    public async Task<IActionResult> PublishBoard(int year, [Bind(Prefix = "Board")] PublishBoardForm form)
    {
        var date = form.MeetingDate.Validate(ModelState, "Board.MeetingDate", "the date of the board meeting", notBefore: UkTime.Today(clock).AddYears(-1));
        var isCorrection = await decisions.HasReleaseAsync(year, Audience.Board);
        ValidateChangeNote(form.ChangeNote, "Board.ChangeNote", isCorrection);
        if (!ModelState.IsValid) return await YearPage(year, form, new PublishPublicForm());
        var result = await publishing.PublishReportAsync(year, Audience.Board, date, form.ChangeNote ?? "", User.DisplayName());
        return AfterPublish(year, result, $"Published to the board for the meeting on {UkTime.Format(date!.Value)}. Board members are being told.");
    }

    [HttpPost("/publishing/{year:int}/public", Name = PublishingRoutes.PublishPublic)]
    public async Task<IActionResult> PublishPublic(int year, [Bind(Prefix = "Public")] PublishPublicForm form)
    {
        var isCorrection = await decisions.HasReleaseAsync(year, Audience.Public);
        ValidateChangeNote(form.ChangeNote, "Public.ChangeNote", isCorrection);
        if (!ModelState.IsValid) return await YearPage(year, new PublishBoardForm(), form);
        var result = await publishing.PublishReportAsync(year, Audience.Public, null, form.ChangeNote ?? "", User.DisplayName());
        return AfterPublish(year, result, $"Published at {Url.RouteUrl(PublishingRoutes.PublicReportsReport, new { year })}. It is on the public site now.");
    }

    private void ValidateChangeNote(string? note, string field, bool isCorrection)
    {
        if (isCorrection && string.IsNullOrWhiteSpace(note))
            ModelState.AddModelError(field, "Say what changed since the last version: readers see this note, with today's date, on the page");
        else if (note?.Trim().Length > MaxChangeNote)
            ModelState.AddModelError(field, $"The note of what changed must be {MaxChangeNote} characters or fewer");
    }

    private IActionResult AfterPublish(int year, PublishResult result, string saved)
    {
        if (result.Release is null) TempData.Problem = result.Problem;
        else TempData.Saved = saved + (result.Release.Pdf is null ? " " + result.Release.PdfProblem : "");
        return RedirectToRoute(PublishingRoutes.Year, new { year });
    }

    /// <summary>The report section's edit page, for a finding in a section (not in the workbook, say).</summary>
    public string? FixLink(ReleaseDraft draft, string anchor) =>
        draft.SectionIds.TryGetValue(anchor, out var id) ? Url.RouteUrl(ReportRoutes.SectionsEdit, new { year = draft.YearStart, id }) : null;

    /// <summary>The findings a decision may be about: the children's summary's in every language, or the report's in both its versions.</summary>
    private async Task<IReadOnlyList<CheckedFinding>> FindingsAsync(int year, Audience audience)
    {
        if (audience == Audience.Children)
        {
            var summary = await decisions.ChildrenSummaryAsync(year);
            var inEnglish = summary is null ? [] : await children.CheckAsync(summary);
            var translated = new List<CheckedFinding>();
            foreach (var translation in await translations.ForYearAsync(year))
                translated.AddRange((await translations.CheckAsync(translation)).Findings);
            return [.. inEnglish, .. translated];
        }
        if (await publishing.ApprovedAsync(year) is not { } report) return [];
        return [.. (await publishing.CheckAsync(report, Audience.Board)).Findings, .. (await publishing.CheckAsync(report, Audience.Public)).Findings];
    }
}
