using System.Text;
using System.Xml.Linq;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Publishing.Contracts;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IroPortal.Publishing.Controllers;

/// <summary>What the public and children read: the published reports, frozen as published, served from the
/// output cache, setting no cookies. Only public and children's releases are ever read here.</summary>
[Area("Publishing")]
[Public, OutputCache(PolicyName = PublicCache.Policy)]
public sealed class PublicReportsController(PortalDbContext db, IOptions<CouncilOptions> council, IEnumerable<IPublicReportAddition> additions, SummaryTranslations translations) : Controller
{
    [HttpGet("/reports")]
    public async Task<IActionResult> Index() => View(await PublishedAsync());

    [HttpGet("/reports/{year:int}")]
    public Task<IActionResult> Report(int year) => ReportPage(year, null);

    [HttpGet("/reports/{year:int}/versions/{number:int:min(1)}")]
    public Task<IActionResult> Version(int year, int number) => ReportPage(year, number);

    private async Task<IActionResult> ReportPage(int year, int? number)
    {
        var versions = await VersionsAsync(year, Audience.Public);
        var release = number is null ? versions.FirstOrDefault() : versions.FirstOrDefault(v => v.Number == number);
        if (release is null) return NotFound();
        var full = await db.Set<Release>().AsNoTracking().Where(r => r.Id == release.Id)
            .Select(r => new { r.Sections, HasPdf = r.Pdf != null, HasChildren = db.Set<Release>().Any(c => c.YearStart == year && c.Audience == Audience.Children) }).SingleAsync();
        var sections = ReleaseSection.Read(full.Sections).ToList();
        var isCurrent = release.Number == versions[0].Number;
        // What other modules add (the board's action plan, say) is live, so it joins the current version only.
        if (isCurrent)
            foreach (var addition in additions.Where(a => !a.ForChildren))
                if (await addition.ForYearAsync(year) is { } part)
                    sections.Add(new ReleaseSection(part.Anchor, part.Title, part.Html));
        return View("Report", new PublicReportPage(year, release, versions, sections, full.HasPdf, full.HasChildren, isCurrent));
    }

    [HttpGet("/reports/{year:int}/report.pdf")]
    public Task<IActionResult> Pdf(int year) => PdfOf(year, null);

    [HttpGet("/reports/{year:int}/versions/{number:int:min(1)}/report.pdf")]
    public Task<IActionResult> VersionPdf(int year, int number) => PdfOf(year, number);

    private async Task<IActionResult> PdfOf(int year, int? number)
    {
        var file = await ReleaseQuery(year, Audience.Public, number).Select(r => new { r.Number, r.Pdf, r.PdfProblem }).FirstOrDefaultAsync();
        if (file is null) return NotFound();
        if (file.Pdf is null) return View("NoPdf", new NoPdfPage($"/reports/{year}", file.PdfProblem ?? PdfPrinter.Failed));
        return File(file.Pdf, "application/pdf", $"IRO annual report {ReportingYear.Name(year)}{(number is null ? "" : $" version {file.Number}")}.pdf");
    }

    [HttpGet("/reports/{year:int}/data.xlsx")]
    public Task<IActionResult> Data(int year) => DataOf(year, null);

    [HttpGet("/reports/{year:int}/versions/{number:int:min(1)}/data.xlsx")]
    public Task<IActionResult> VersionData(int year, int number) => DataOf(year, number);

    private async Task<IActionResult> DataOf(int year, int? number)
    {
        var file = await ReleaseQuery(year, Audience.Public, number).Select(r => new { r.Number, r.Workbook }).FirstOrDefaultAsync();
        if (file?.Workbook is null) return NotFound();
        return File(file.Workbook, IroPortal.Spreadsheets.Workbook.ContentType, $"IRO annual report {ReportingYear.Name(year)} data{(number is null ? "" : $" version {file.Number}")}.xlsx");
    }

    [HttpGet("/reports/{year:int}/for-children")]
    public async Task<IActionResult> ForChildren(int year)
    {
        var release = await ReleaseQuery(year, Audience.Children, null).FirstOrDefaultAsync();
        if (release is null) return NotFound();
        var sections = ReleaseSection.Read(release.Sections).ToList();
        var live = await ChildrenAdditionsAsync(year);
        var tellUs = sections.FindIndex(s => s.Anchor == ChildrenSummaryService.TellUsAnchor);
        sections.InsertRange(tellUs >= 0 ? tellUs : sections.Count, live.Select(part => new ReleaseSection(part.Anchor, part.Title, part.Html)));
        return View("ForChildren", new ChildrenPage(year, release, sections, await translations.PublishedAsync(year)));
    }

    /// <summary>The summary in another language, as published; English stands in, marked, for what is not translated.</summary>
    [HttpGet("/reports/{year:int}/for-children/{language}")]
    public async Task<IActionResult> ForChildrenIn(int year, string language)
    {
        if (!Languages.IsValidCode(language)) return NotFound();
        var published = await db.Set<ChildrenSummaryTranslation>().AsNoTracking()
            .Where(t => t.YearStart == year && t.Language == language && t.PublishedSections != null)
            .Select(t => new { t.Language, t.Name, t.EnglishName, t.PublishedSections, t.PublishedUtc }).SingleOrDefaultAsync();
        if (published is null || TranslatedPage.Read(published.PublishedSections) is not { } page) return NotFound();
        return View("ForChildrenIn", new TranslatedChildrenPage(year, published.Language, published.Name, published.EnglishName, published.PublishedUtc!.Value, page,
            await ChildrenAdditionsAsync(year)));
    }

    /// <summary>Live, like the report's additions: "You said, we did" shows each action's progress today.</summary>
    private async Task<IReadOnlyList<PublicAddition>> ChildrenAdditionsAsync(int year)
    {
        var parts = new List<PublicAddition>();
        foreach (var addition in additions.Where(a => a.ForChildren))
            if (await addition.ForYearAsync(year) is { } part) parts.Add(part);
        return parts;
    }

    /// <summary>Atom, so the council's website (or anyone's reader) hears of each publication and correction.</summary>
    [HttpGet("/reports/feed.atom")]
    public async Task<IActionResult> Feed()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var site = $"{Request.Scheme}://{Request.Host}";
        var releases = await db.Set<Release>().AsNoTracking().Where(r => r.Audience != Audience.Board)
            .Select(r => new { r.Id, r.YearStart, r.Audience, r.Number, r.PublishedUtc, r.ChangeNote }).ToListAsync();
        var ordered = releases.OrderByDescending(r => r.PublishedUtc).ToList();
        var feed = new XElement(atom + "feed",
            new XElement(atom + "title", $"{council.Value.Name}: IRO annual reports"),
            new XElement(atom + "id", $"{site}/reports"),
            new XElement(atom + "updated", (ordered.FirstOrDefault()?.PublishedUtc ?? DateTime.UnixEpoch).ToString("yyyy-MM-ddTHH:mm:ssZ")),
            new XElement(atom + "link", new XAttribute("rel", "self"), new XAttribute("href", $"{site}/reports/feed.atom")),
            new XElement(atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", $"{site}/reports")),
            new XElement(atom + "author", new XElement(atom + "name", council.Value.Name)),
            ordered.Select(r =>
            {
                var link = r.Audience == Audience.Children ? $"{site}/reports/{r.YearStart}/for-children" : $"{site}/reports/{r.YearStart}/versions/{r.Number}";
                var what = r.Audience == Audience.Children ? "Summary for children and young people" : "IRO annual report";
                return new XElement(atom + "entry",
                    new XElement(atom + "title", $"{what} {ReportingYear.Name(r.YearStart)}{(r.Number > 1 ? $", corrected (version {r.Number})" : "")}"),
                    new XElement(atom + "id", $"urn:uuid:{r.Id}"),
                    new XElement(atom + "updated", r.PublishedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ")),
                    new XElement(atom + "link", new XAttribute("href", link)),
                    new XElement(atom + "summary", r.ChangeNote.Length > 0 ? r.ChangeNote : $"Published {UkTime.Format(r.PublishedUtc)}."));
            }));
        return Content(new XDeclaration("1.0", "utf-8", null) + "\n" + feed, "application/atom+xml", Encoding.UTF8);
    }

    /// <summary>Read-only JSON for the council's website: every published year, its current version and its links.</summary>
    [HttpGet("/reports/index.json")]
    public async Task<IActionResult> Json()
    {
        var site = $"{Request.Scheme}://{Request.Host}";
        return Json(new
        {
            council = council.Value.Name,
            reports = (await PublishedAsync()).Select(y => new
            {
                yearStart = y.YearStart,
                year = ReportingYear.Name(y.YearStart),
                version = y.Number,
                published = y.FirstPublishedUtc,
                updated = y.PublishedUtc,
                url = $"{site}/reports/{y.YearStart}",
                pdf = y.HasPdf ? $"{site}/reports/{y.YearStart}/report.pdf" : null,
                data = $"{site}/reports/{y.YearStart}/data.xlsx",
                forChildren = y.HasChildren ? $"{site}/reports/{y.YearStart}/for-children" : null,
            }),
        });
    }

    private IQueryable<Release> ReleaseQuery(int year, Audience audience, int? number) =>
        db.Set<Release>().AsNoTracking().Where(r => r.YearStart == year && r.Audience == audience && (number == null || r.Number == number)).OrderByDescending(r => r.Number);

    private async Task<IReadOnlyList<ReleaseVersion>> VersionsAsync(int year, Audience audience) =>
        await db.Set<Release>().AsNoTracking().Where(r => r.YearStart == year && r.Audience == audience).OrderByDescending(r => r.Number)
            .Select(r => new ReleaseVersion(r.Id, r.Number, r.PublishedUtc, r.ChangeNote)).ToListAsync();

    private async Task<IReadOnlyList<PublishedYear>> PublishedAsync()
    {
        var rows = await db.Set<Release>().AsNoTracking().Where(r => r.Audience != Audience.Board)
            .Select(r => new { r.YearStart, r.Audience, r.Number, r.PublishedUtc, HasPdf = r.Pdf != null }).ToListAsync();
        return rows.Where(r => r.Audience == Audience.Public).GroupBy(r => r.YearStart).Select(g =>
        {
            var current = g.MaxBy(r => r.Number)!;
            return new PublishedYear(g.Key, current.Number, g.Min(r => r.PublishedUtc), current.PublishedUtc, current.HasPdf,
                rows.Any(r => r.YearStart == g.Key && r.Audience == Audience.Children));
        }).OrderByDescending(y => y.YearStart).ToList();
    }
}

public sealed record ReleaseVersion(Guid Id, int Number, DateTime PublishedUtc, string ChangeNote);
public sealed record PublishedYear(int YearStart, int Number, DateTime FirstPublishedUtc, DateTime PublishedUtc, bool HasPdf, bool HasChildren);
public sealed record PublicReportPage(int Year, ReleaseVersion Release, IReadOnlyList<ReleaseVersion> Versions, IReadOnlyList<ReleaseSection> Sections, bool HasPdf, bool HasChildren, bool IsCurrent);
public sealed record ChildrenPage(int Year, Release Release, IReadOnlyList<ReleaseSection> Sections, IReadOnlyList<(string Language, string Name, string EnglishName)> Languages);
public sealed record TranslatedChildrenPage(int Year, string Language, string Name, string EnglishName, DateTime PublishedUtc, TranslatedPage Page, IReadOnlyList<PublicAddition> Live);
