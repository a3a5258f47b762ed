using System.Text;
using System.Xml.Linq;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Publishing.Contracts;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;
using IroPortal.Publishing.ViewModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace IroPortal.Publishing.Controllers;

/// <summary>What the public and children read: the published reports, frozen as published, served from the
/// output cache, setting no cookies. Only public and children's releases are ever read here.</summary>
[Area("Publishing")]
[Public, OutputCache(PolicyName = PublicCache.Policy)]
public sealed class PublicReportsController(PublishedReleases published, IOptions<CouncilOptions> council, IEnumerable<IPublicReportAddition> additions, SummaryTranslations translations) : Controller
{
    [HttpGet("/reports", Name = PublishingRoutes.PublicReports)]
    public async Task<IActionResult> Index() => View(await published.YearsAsync());

    [HttpGet("/reports/{year:int}", Name = PublishingRoutes.PublicReportsReport)]
    public Task<IActionResult> Report(int year) => ReportPage(year, null);

    [HttpGet("/reports/{year:int}/versions/{number:int:min(1)}", Name = PublishingRoutes.PublicReportsVersion)]
    public Task<IActionResult> Version(int year, int number) => ReportPage(year, number);

    private async Task<IActionResult> ReportPage(int year, int? number)
    {
        var versions = await published.VersionsAsync(year);
        var release = number is null ? versions.FirstOrDefault() : versions.FirstOrDefault(v => v.Number == number);
        if (release is null) return NotFound();
        var (body, hasPdf, hasChildren) = await published.ReportAsync(release.Id, year);
        var sections = ReleaseSection.Read(body).ToList();
        var isCurrent = release.Number == versions[0].Number;
        // What other modules add (the board's action plan, say) is live, so it joins the current version only.
        if (isCurrent)
            foreach (var addition in additions.Where(a => !a.ForChildren))
                if (await addition.ForYearAsync(year) is { } part)
                    sections.Add(new ReleaseSection(part.Anchor, part.Title, part.Html));
        return View("Report", new PublicReportPage(year, release, versions, sections, hasPdf, hasChildren, isCurrent));
    }

    [HttpGet("/reports/{year:int}/report.pdf", Name = PublishingRoutes.PublicReportsPdf)]
    public Task<IActionResult> Pdf(int year) => PdfOf(year, null);

    [HttpGet("/reports/{year:int}/versions/{number:int:min(1)}/report.pdf", Name = PublishingRoutes.PublicReportsVersionPdf)]
    public Task<IActionResult> VersionPdf(int year, int number) => PdfOf(year, number);

    private async Task<IActionResult> PdfOf(int year, int? number)
    {
        var file = await published.PdfAsync(year, number);
        if (file is null) return NotFound();
        if (file.Content is null) return View("NoPdf", new NoPdfPage(Url.RouteUrl(PublishingRoutes.PublicReportsReport, new { year })!, file.Problem ?? PdfPrinter.Failed));
        return File(file.Content, "application/pdf", $"IRO annual report {ReportingYear.Name(year)}{(number is null ? "" : $" version {file.Number}")}.pdf");
    }

    [HttpGet("/reports/{year:int}/data.xlsx", Name = PublishingRoutes.PublicReportsData)]
    public Task<IActionResult> Data(int year) => DataOf(year, null);

    [HttpGet("/reports/{year:int}/versions/{number:int:min(1)}/data.xlsx", Name = PublishingRoutes.PublicReportsVersionData)]
    public Task<IActionResult> VersionData(int year, int number) => DataOf(year, number);

    private async Task<IActionResult> DataOf(int year, int? number)
    {
        var file = await published.WorkbookAsync(year, number);
        if (file?.Content is null) return NotFound();
        return File(file.Content, IroPortal.Spreadsheets.Workbook.ContentType, $"IRO annual report {ReportingYear.Name(year)} data{(number is null ? "" : $" version {file.Number}")}.xlsx");
    }

    [HttpGet("/reports/{year:int}/for-children", Name = PublishingRoutes.PublicReportsForChildren)]
    public async Task<IActionResult> ForChildren(int year)
    {
        var release = await published.ChildrenSummaryAsync(year);
        if (release is null) return NotFound();
        var sections = ReleaseSection.Read(release.Sections).ToList();
        var live = await ChildrenAdditionsAsync(year);
        var tellUs = sections.FindIndex(s => s.Anchor == ChildrenSummaryService.TellUsAnchor);
        sections.InsertRange(tellUs >= 0 ? tellUs : sections.Count, live.Select(part => new ReleaseSection(part.Anchor, part.Title, part.Html)));
        return View("ForChildren", new ChildrenPage(year, release, sections, await translations.PublishedAsync(year)));
    }

    /// <summary>The summary in another language, as published; English stands in, marked, for what is not translated.</summary>
    [HttpGet("/reports/{year:int}/for-children/{language}", Name = PublishingRoutes.PublicReportsForChildrenIn)]
    public async Task<IActionResult> ForChildrenIn(int year, string language)
    {
        if (!Languages.IsValidCode(language)) return NotFound();
        var translation = await published.TranslationAsync(year, language);
        if (translation is null || TranslatedPage.Read(translation.Sections) is not { } page) return NotFound();
        return View("ForChildrenIn", new TranslatedChildrenPage(year, translation.Language, translation.Name, translation.EnglishName, translation.PublishedUtc, page,
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
    [HttpGet("/reports/feed.atom", Name = PublishingRoutes.PublicReportsFeed)]
    public async Task<IActionResult> Feed()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var ordered = await published.FeedAsync();
        var feed = new XElement(atom + "feed",
            new XElement(atom + "title", $"{council.Value.Name}: IRO annual reports"),
            new XElement(atom + "id", Absolute(PublishingRoutes.PublicReports)),
            new XElement(atom + "updated", (ordered.FirstOrDefault()?.PublishedUtc ?? DateTime.UnixEpoch).ToString("yyyy-MM-ddTHH:mm:ssZ")),
            new XElement(atom + "link", new XAttribute("rel", "self"), new XAttribute("href", Absolute(PublishingRoutes.PublicReportsFeed))),
            new XElement(atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", Absolute(PublishingRoutes.PublicReports))),
            new XElement(atom + "author", new XElement(atom + "name", council.Value.Name)),
            ordered.Select(r =>
            {
                var link = r.Audience == Audience.Children ? Absolute(PublishingRoutes.PublicReportsForChildren, new { year = r.YearStart })
                    : Absolute(PublishingRoutes.PublicReportsVersion, new { year = r.YearStart, number = r.Number });
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
    [HttpGet("/reports/index.json", Name = PublishingRoutes.PublicReportsJson)]
    public async Task<IActionResult> Json()
    {
        return Json(new
        {
            council = council.Value.Name,
            reports = (await published.YearsAsync()).Select(y => new
            {
                yearStart = y.YearStart,
                year = ReportingYear.Name(y.YearStart),
                version = y.Number,
                published = y.FirstPublishedUtc,
                updated = y.PublishedUtc,
                url = Absolute(PublishingRoutes.PublicReportsReport, new { year = y.YearStart }),
                pdf = y.HasPdf ? Absolute(PublishingRoutes.PublicReportsPdf, new { year = y.YearStart }) : null,
                data = Absolute(PublishingRoutes.PublicReportsData, new { year = y.YearStart }),
                forChildren = y.HasChildren ? Absolute(PublishingRoutes.PublicReportsForChildren, new { year = y.YearStart }) : null,
            }),
        });
    }

    /// <summary>The full address of a page, for readers and websites that take the link elsewhere.</summary>
    private string Absolute(string route, object? values = null) => Url.RouteUrl(route, values, Request.Scheme, Request.Host.Value)!;
}
