using System.Net;
using System.Text.Json;
using IroPortal.AnnualReport.Contracts;
using IroPortal.Publishing.Models;
using Microsoft.AspNetCore.Html;

namespace IroPortal.Publishing.Services;

/// <summary>One section of a release, as published.</summary>
public sealed record ReleaseSection(string Anchor, string Title, string Html, bool BoardOnly = false)
{
    public static IReadOnlyList<ReleaseSection> Read(string json) => JsonSerializer.Deserialize<List<ReleaseSection>>(json) ?? [];
    public static string Write(IReadOnlyList<ReleaseSection> sections) => JsonSerializer.Serialize(sections);
}

/// <param name="Tables">Every figures table it shows, with its section's title: what its workbook holds.</param>
/// <param name="Findings">What the privacy guard found in exactly what would be published.</param>
public sealed record ReleaseDraft(Audience Audience, int YearStart, int ReportVersion, IReadOnlyList<ReleaseSection> Sections,
    IReadOnlyList<(string Section, FigureTable Table)> Tables, IReadOnlyList<GuardFinding> Findings);

/// <summary>Builds what a release would contain for one audience: the board gets every section, the public
/// only those not marked board-only, with small numbers suppressed; then the privacy guard reads it all.</summary>
public sealed class ReleaseComposer(IApprovedReports reports)
{
    /// <param name="keep">Suppressed cells the manager kept by an override.</param>
    public ReleaseDraft Compose(ApprovedReport report, Audience audience, IReadOnlySet<Guid> boardOnly, IReadOnlyCollection<string> approvedNames, Func<string, bool> keep)
    {
        var isPublic = audience != Audience.Board;
        var sections = new List<ReleaseSection>();
        var tables = new List<(string, FigureTable)>();
        var texts = new List<GuardText>();
        var suppressed = new List<SuppressedCell>();
        foreach (var section in report.Sections)
        {
            var isBoardOnly = boardOnly.Contains(section.Id);
            if (isPublic && isBoardOnly) continue;
            var markdown = section.Markdown;
            if (isPublic)
            {
                (markdown, var cells) = Suppression.Markdown(markdown, section.Title, section.Anchor, keep);
                suppressed.AddRange(cells);
            }
            var figures = new Dictionary<string, FigureTable>();
            foreach (var kind in section.FigureKinds)
            {
                if (!report.Figures.TryGetValue(kind, out var table)) continue;
                var where = $"{table.Title} table in \u201c{section.Title}\u201d";
                if (isPublic && reports.CountsChildren(kind))
                {
                    (table, var cells) = Suppression.Figures(table, where, section.Anchor, keep);
                    suppressed.AddRange(cells);
                }
                figures[kind] = table;
                tables.Add((section.Title, table));
                texts.AddRange(TableTexts(table, where, section.Anchor));
            }
            var html = new HtmlContentBuilder();
            if (isBoardOnly)
                html.AppendHtml("<p class=\"govuk-body\"><strong class=\"govuk-tag govuk-tag--orange\">Board only</strong> This section is not in the public report.</p>");
            html.AppendHtml(reports.Render(section with { Markdown = markdown }, figures));
            sections.Add(new(section.Anchor, section.Title, ToHtml(html), isBoardOnly));

            texts.Add(new(section.Title, section.Anchor, section.Title));
            texts.AddRange(reports.PlainParagraphs(markdown).Select(p => new GuardText(section.Title, section.Anchor, p)));
            foreach (var item in section.Progress)
                texts.Add(new(section.Title, section.Anchor, string.Join("\n", item.Priority, item.Detail, item.Update)));
        }
        var findings = PrivacyGuard.Scan(texts, approvedNames, isPublic).ToList();
        findings.AddRange(suppressed.Select(c => new GuardFinding(c.Key, PrivacyGuard.SmallCellKind, c.Text, c.Where, c.Anchor, FindingEffect.Suppressed)));
        return new(audience, report.YearStart, report.Version, sections, tables, findings);
    }

    private static IEnumerable<GuardText> TableTexts(FigureTable table, string where, string anchor)
    {
        yield return new(where, anchor, string.Join("\n", new[] { table.Title, table.Note ?? "" }.Concat(table.Columns)));
        foreach (var row in table.Rows)
            foreach (var cell in row)
                yield return new(where, anchor, cell);
    }

    public static string ToHtml(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
