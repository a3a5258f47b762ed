using System.Net;
using System.Text.Json;
using IroPortal.AnnualReport.Contracts;
using IroPortal.Modularity;
using IroPortal.Publishing.Models;
using Microsoft.AspNetCore.Html;

namespace IroPortal.Publishing.Services;

/// <summary>One section of a release, as published.</summary>
public sealed record ReleaseSection(string Anchor, string Title, string Html, bool BoardOnly = false)
{
    public static IReadOnlyList<ReleaseSection> Read(string json) => JsonSerializer.Deserialize<List<ReleaseSection>>(json) ?? [];
    public static string Write(IReadOnlyList<ReleaseSection> sections) => JsonSerializer.Serialize(sections);
}

/// <param name="Workbook">The workbook exactly as it would be published (and as the guard read it).</param>
/// <param name="Findings">What the privacy guard found in exactly what would be published.</param>
/// <param name="SectionIds">Section anchor to the report section it came from, where the manager corrects it.</param>
public sealed record ReleaseDraft(Audience Audience, int YearStart, int ReportVersion, string Title, IReadOnlyList<ReleaseSection> Sections,
    byte[] Workbook, IReadOnlyList<GuardFinding> Findings, IReadOnlyDictionary<string, Guid> SectionIds);

/// <summary>What the guard needs to know of the council: who and what is approved, and its case references.</summary>
public sealed record GuardRules(ApprovedNames Approved, CaseReferences CaseReferences);

/// <summary>Builds what a release would contain for one audience: the board gets every section, the public
/// only those not marked board-only, with small numbers suppressed; then the privacy guard reads the outputs
/// themselves (the HTML and the workbook here, the PDF when it is printed).</summary>
public sealed class ReleaseComposer(IApprovedReports reports)
{
    /// <param name="keep">Suppressed numbers the manager kept by an override.</param>
    public ReleaseDraft Compose(ApprovedReport report, Audience audience, string title, IReadOnlySet<Guid> boardOnly, GuardRules rules, Func<string, bool> keep)
    {
        var isPublic = audience != Audience.Board;
        var sections = new List<ReleaseSection>();
        var tables = new List<ReleaseTable>();
        var suppressed = new List<SuppressedCell>();
        var sectionIds = new Dictionary<string, Guid>();
        foreach (var section in report.Sections)
        {
            var isBoardOnly = boardOnly.Contains(section.Id);
            if (isPublic && isBoardOnly) continue;
            sectionIds[section.Anchor] = section.Id;
            var figures = new Dictionary<string, FigureTable>();
            foreach (var kind in section.FigureKinds)
            {
                if (!report.Figures.TryGetValue(kind, out var table)) continue;
                if (isPublic && reports.CountsChildren(kind))
                {
                    (table, var cells) = Suppression.Figures(table, $"{table.Title} table in \u201c{section.Title}\u201d", section.Anchor, keep);
                    suppressed.AddRange(cells);
                }
                figures[kind] = table;
                tables.Add(new(section.Title, section.Anchor, table));
            }
            var html = ToHtml(reports.Render(section, figures));
            if (isPublic)
            {
                (html, var cells) = Suppression.Html(html, section.Title, section.Anchor, keep);
                suppressed.AddRange(cells);
            }
            if (isBoardOnly)
                html = "<p class=\"govuk-body\"><strong class=\"govuk-tag govuk-tag--orange\">Board only</strong> This section is not in the public report.</p>" + html;
            sections.Add(new(section.Anchor, section.Title, html, isBoardOnly));
        }
        var workbook = ReleaseWorkbook.Build(title, tables);
        var findings = Read(title, sections, workbook, ReleaseWorkbook.Sheets(tables), rules).ToList();
        findings.AddRange(Suppressed(suppressed));
        return new(audience, report.YearStart, report.Version, title, sections, workbook, findings, sectionIds);
    }

    /// <summary>The guard over the web page and the workbook. An output it cannot read is a finding that blocks.</summary>
    /// <param name="everyFullDate">For a page in another language, whose words around a date the guard cannot read.</param>
    public static IReadOnlyList<GuardFinding> Read(string title, IReadOnlyList<ReleaseSection> sections, byte[]? workbook,
        IReadOnlyDictionary<string, (string Where, string Anchor)> sheets, GuardRules rules, bool everyFullDate = false)
    {
        var texts = new List<GuardText>();
        var unreadable = new List<GuardFinding>();
        var titles = sections.ToDictionary(s => s.Anchor, s => s.Title);
        try { texts.AddRange(PublishedText.FromHtml(PdfPrinter.Document(title, "", sections, ""), titles)); }
        catch (Exception e) when (e is not OperationCanceledException) { unreadable.Add(PrivacyGuard.Unreadable(PublishedText.WebPage, e.Message)); }
        if (workbook is not null)
            try { texts.AddRange(PublishedText.FromWorkbook(workbook, sheets)); }
            catch (Exception e) when (e is not OperationCanceledException) { unreadable.Add(PrivacyGuard.Unreadable(PublishedText.WorkbookOutput, e.Message)); }
        return [.. unreadable, .. PrivacyGuard.Scan(texts, rules.Approved, rules.CaseReferences, everyFullDate: everyFullDate)];
    }

    /// <summary>The guard over the PDF as printed.</summary>
    public static IReadOnlyList<GuardFinding> ReadPdf(byte[] pdf, IReadOnlyList<ReleaseSection> sections, GuardRules rules)
    {
        try
        {
            return PrivacyGuard.Scan(PublishedText.FromPdf(pdf, sections.Select(s => (s.Anchor, s.Title)).ToList()), rules.Approved, rules.CaseReferences);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [PrivacyGuard.Unreadable(PublishedText.Pdf, e.Message)];
        }
    }

    public static IEnumerable<GuardFinding> Suppressed(IEnumerable<SuppressedCell> cells) =>
        cells.DistinctBy(c => c.Key).Select(c => new GuardFinding(c.Key, c.Kind, c.Text, c.Where, c.Anchor, FindingEffect.Suppressed));

    public static string ToHtml(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
