using System.Net;
using System.Text;
using System.Text.Json;
using IroPortal.AnnualReport.Models;
using IroPortal.Modularity;
using IroPortal.AnnualReport.Contracts;
using Microsoft.AspNetCore.Html;

namespace IroPortal.AnnualReport.Services;

/// <summary>The figures blocks a manager can insert, each offered by the module that holds its numbers
/// (<see cref="IFigureSource"/>): review data, quality assurance, disputes.</summary>
public sealed class FigureBlocks(IEnumerable<IFigureSource> sources)
{
    private readonly IReadOnlyList<IFigureSource> _sources = sources.ToList();

    public IReadOnlyList<FigureKind> Kinds => [.. _sources.SelectMany(s => s.Kinds)];

    /// <summary>Blocks other modules offer for a standard section, as lines to start it with.</summary>
    public string StarterFor(string sectionKey) =>
        string.Concat(_sources.SelectMany(s => s.Kinds).Where(k => k.Section == sectionKey).Select(k => $"{{{{figures:{k.Kind}}}}}\n\n"));

    /// <summary>Every kind's values for the year, as they are now.</summary>
    public async Task<IReadOnlyDictionary<string, FigureTable>> BuildAsync(int yearStart, CancellationToken cancellationToken = default)
    {
        var all = new List<FigureTable>();
        foreach (var source in _sources)
            all.AddRange(await source.BuildAsync(yearStart, cancellationToken));
        return all.ToDictionary(t => t.Kind);
    }

    /// <summary>The values a report shows: frozen at approval, otherwise as they are now.</summary>
    public async Task<IReadOnlyDictionary<string, FigureTable>> ForReportAsync(Report report, CancellationToken cancellationToken = default) =>
        report.FrozenFigures is { } frozen ? Thaw(frozen) : await BuildAsync(report.YearStart, cancellationToken);

    public static string Freeze(IReadOnlyDictionary<string, FigureTable> figures) => JsonSerializer.Serialize(figures);

    public static IReadOnlyDictionary<string, FigureTable> Thaw(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, FigureTable>>(json) ?? [];

    /// <summary>A block as a figure: the chart, and the table of the same numbers that screen readers read.</summary>
    public static IHtmlContent Render(IReadOnlyDictionary<string, FigureTable> figures, string kind)
    {
        if (!figures.TryGetValue(kind, out var table))
            return new HtmlString($"<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span><strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>There are no figures called \u201c{WebUtility.HtmlEncode(kind)}\u201d. Choose one from the list of figures blocks.</strong></div>");
        var html = new StringBuilder("<figure class=\"app-figures\">");
        html.Append("<h3 class=\"govuk-heading-s\">").Append(WebUtility.HtmlEncode(table.Title)).Append("</h3>");
        if (table.Rows.Count == 0)
            html.Append("<p class=\"govuk-body\">").Append(WebUtility.HtmlEncode(table.Note ?? "No figures for this year.")).Append("</p>");
        else
        {
            if (table.Chart is { Bars.Count: > 0 } chart)
                html.Append(BarChart.Render(chart.Description, chart.Bars.Select(b => (b.Label, b.Value)).ToList(), chart.Max,
                    chart.BandFrom is { } from && chart.BandTo is { } to ? (from, to, chart.BandLabel ?? "") : null, chart.Unit).Value);
            // A table wider than the screen scrolls in its own region, reachable by keyboard (WCAG 1.4.10).
            html.Append("<div class=\"app-table-scroll\" role=\"region\" aria-label=\"").Append(WebUtility.HtmlEncode(table.Title)).Append("\" tabindex=\"0\">");
            html.Append("<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">")
                .Append(WebUtility.HtmlEncode(table.Title)).Append("</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
            for (var c = 0; c < table.Columns.Count; c++)
                html.Append("<th scope=\"col\" class=\"govuk-table__header").Append(c > 0 && IsNumeric(table, c) ? " govuk-table__header--numeric" : "").Append("\">")
                    .Append(WebUtility.HtmlEncode(table.Columns[c])).Append("</th>");
            html.Append("</tr></thead><tbody class=\"govuk-table__body\">");
            foreach (var row in table.Rows)
            {
                html.Append("<tr class=\"govuk-table__row\">");
                for (var c = 0; c < row.Count; c++)
                    html.Append(c == 0 ? "<th scope=\"row\" class=\"govuk-table__header\">" : IsNumeric(table, c) ? "<td class=\"govuk-table__cell govuk-table__cell--numeric\">" : "<td class=\"govuk-table__cell\">")
                        .Append(WebUtility.HtmlEncode(row[c])).Append(c == 0 ? "</th>" : "</td>");
                html.Append("</tr>");
            }
            html.Append("</tbody></table></div>");
            if (table.Note is { } note) html.Append("<p class=\"govuk-body-s\">").Append(WebUtility.HtmlEncode(note)).Append("</p>");
        }
        return new HtmlString(html.Append("</figure>").ToString());
    }

    private static bool IsNumeric(FigureTable table, int column) =>
        table.Rows.All(r => column < r.Count && r[column].Length > 0 && (char.IsAsciiDigit(r[column][0]) || r[column][0] == '-'));
}
