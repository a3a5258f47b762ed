using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using IroPortal.AnnualReport.Models;
using IroPortal.Modularity;
using IroPortal.Performance.Contracts;
using IroPortal.QualityAssurance.Contracts;
using IroPortal.AnnualReport.Contracts;
using Microsoft.AspNetCore.Html;

namespace IroPortal.AnnualReport.Services;

/// <summary>The figures blocks a manager can insert: the report's own, built from the review-data and QA modules'
/// public figures, and those other modules offer (<see cref="IFigureSource"/>).</summary>
public sealed class FigureBlocks(IReviewFigures reviews, IQualityAssuranceFigures qa, IEnumerable<IFigureSource> sources)
{
    /// <summary>The children's profile, a block for each measure (before <see cref="OwnKinds"/>, which lists them).</summary>
    private static readonly (string Kind, string Measure)[] ProfileKinds =
    [
        ("children-age", "Age"), ("children-gender", "Gender"), ("children-ethnicity", "Ethnic group"), ("children-legal-status", "Legal status"),
        ("children-placement", "Placement"), ("children-distance", "Distance from home"), ("children-uasc", "Unaccompanied asylum-seeking children"),
    ];

    public static readonly IReadOnlyList<FigureKind> OwnKinds =
    [
        new("looked-after", "Children looked after", "How many children were looked after at the start and end of the year, started and stopped.", true),
        new("review-timeliness", "Review timeliness", "Reviews held and how many were on time under the statutory timetable.", true),
        new("participation", "Children's participation", "How children took part in their reviews, by the SSDA903 codes PN0 to PN7.", true),
        new("caseloads", "IRO caseloads", "Each IRO's caseload per full-time IRO against the Handbook's 50 to 70, with the national averages.", true),
        new("trend-looked-after", "Children looked after over five years", "Looked after at the start and end of each year, started and stopped, for up to five years.", true),
        new("trend-reviews-on-time", "Reviews on time over five years", "The share of reviews held on time in each of up to five years.", true),
        new("trend-participation", "Participation over five years", "The share of reviews of children aged 4 or over in which the child took part, for up to five years.", true),
        new("trend-caseloads", "Caseloads over five years", "Children per full-time IRO in each of up to five years, against the Handbook's 50 to 70.", true),
        .. ProfileKinds.Select(k => new FigureKind(k.Kind, $"The children: {k.Measure.ToLowerInvariant()}", $"Children looked after at 31 March and those who started, by {k.Measure.ToLowerInvariant()}.", true)),
        new("qa-compliance", "Quality assurance activities", "How often each of the seven QA activities was done, beside the national survey.", false),
        new("qa-grades", "Observation and audit grades", "Grades given in observations and case-file audits.", false),
        new("feedback", "Feedback received", "Feedback links sent and answered, by who was asked.", true),
    ];

    private readonly IReadOnlyList<IFigureSource> _sources = sources.ToList();

    public IReadOnlyList<FigureKind> Kinds => [.. OwnKinds, .. _sources.SelectMany(s => s.Kinds)];

    /// <summary>Blocks other modules offer for a standard section, as lines to start it with.</summary>
    public string StarterFor(string sectionKey) =>
        string.Concat(_sources.SelectMany(s => s.Kinds).Where(k => k.Section == sectionKey).Select(k => $"{{{{figures:{k.Kind}}}}}\n\n"));

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");
    private static string N(int value) => value.ToString("N0", Uk);
    private static string Pct(double value) => value.ToString("0.#", Uk) + "%";

    /// <summary>Every kind's values for the year, as they are now.</summary>
    public async Task<IReadOnlyDictionary<string, FigureTable>> BuildAsync(int yearStart, CancellationToken cancellationToken = default)
    {
        var (review, trend) = await reviews.WithTrendAsync(yearStart, cancellationToken);
        var quality = await qa.ForYearAsync(yearStart, cancellationToken);
        var noData = review.HasData ? null : "No review data has been imported for this year yet.";
        var source = !review.HasData ? noData : review.Provisional
            ? $"Provisional: from an extract for part of the year, to {UkTime.Format(review.To)}, imported {UkTime.Format(review.ImportedUtc)}. The annual return replaces it."
            : $"From the SSDA903 return imported {UkTime.Format(review.ImportedUtc)}.";
        FigureTable Review(string kind, string title, string[] columns, IEnumerable<string[]> rows, FigureChart? chart, bool partsOfAWhole = false) =>
            new(kind, title, source, columns, review.HasData ? rows.ToList() : [], review.HasData ? chart : null, partsOfAWhole);

        var tables = new[]
        {
            Review("looked-after", "Children looked after", ["Measure", "Children"],
                [["Looked after on " + UkTime.Format(review.StartCountDate), N(review.LookedAfterAtStart)], ["Started to be looked after", N(review.StartedCare)],
                 ["Stopped being looked after", N(review.LeftCare)], ["Looked after on " + UkTime.Format(review.To), N(review.LookedAfterAtEnd)]],
                new("Children looked after at the start and end of the year, and those who started and stopped",
                    [new("At the start", review.LookedAfterAtStart), new("Started", review.StartedCare), new("Stopped", review.LeftCare), new("At the end", review.LookedAfterAtEnd)])),
            Review("review-timeliness", "Review timeliness", ["Measure", "Reviews"],
                [["Reviews held", N(review.ReviewsHeld)], ["Reviews whose timeliness could be assessed", N(review.ReviewsAssessed)],
                 ["Held on time", N(review.ReviewsOnTime)], ["Share held on time", Pct(review.OnTimePercent)]],
                new($"{Pct(review.OnTimePercent)} of reviews were held on time",
                    [new("On time", review.ReviewsOnTime), new("Late", review.ReviewsAssessed - review.ReviewsOnTime)])),
            Review("participation", "Children's participation in their reviews", ["Code", "How the child took part", "Reviews"],
                review.Codes.Select(c => new[] { c.Code, c.Meaning, N(c.Reviews) }),
                new($"Reviews of children aged 4 or over by how the child took part; {Pct(review.ParticipationPercent)} took part",
                    review.Codes.Select(c => new FigureBar(c.Code, c.Reviews)).ToList()), partsOfAWhole: true),
            Review("caseloads", "IRO caseloads", ["IRO", "Children at the year end", "Average over the year", "FTE", "Per full-time IRO", $"Within {review.CaseloadLow} to {review.CaseloadHigh}"],
                review.Iros.Select(i => new[] { i.Iro, N(i.OnYearEnd), i.AverageOverYear.ToString("0.#", Uk), i.Fte.ToString("0.0#", Uk), i.Caseload.ToString("0.#", Uk), i.WithinRange ? "Yes" : "No" }),
                new($"Each IRO's caseload per full-time IRO against the Handbook's range of {review.CaseloadLow} to {review.CaseloadHigh}; national averages: {NationalCaseloads.InWords}",
                    review.Iros.Select(i => new FigureBar(i.Iro, i.Caseload)).ToList(), BandFrom: review.CaseloadLow, BandTo: review.CaseloadHigh,
                    BandLabel: $"{review.CaseloadLow} to {review.CaseloadHigh}")),
            new FigureTable("qa-compliance", "Quality assurance activities", $"{quality.Iros} IROs. National figures: NCB survey of IRO managers, 2013.",
                ["Activity", "Times done", "Never done for", "Done regularly for", "National: never", "National: regularly"],
                quality.Activities.Select(a => (IReadOnlyList<string>)[a.Activity, N(a.TimesDone), Pct(a.NeverPercent), Pct(a.RegularPercent), Pct(a.NationalNeverPercent), Pct(a.NationalRegularPercent)]).ToList(),
                new("Share of IROs for whom each activity was done regularly", quality.Activities.Select(a => new FigureBar(a.Activity, Math.Round(a.RegularPercent, 1))).ToList(), "%", Max: 100)),
            new FigureTable("qa-grades", "Observation and audit grades", null, ["Grade", "Observations", "Audits"],
                quality.Grades.Select(g => (IReadOnlyList<string>)[g.Grade, N(g.Observations), N(g.Audits)]).ToList(),
                new("Observations and audits by grade", quality.Grades.Select(g => new FigureBar(g.Grade, g.Observations + g.Audits)).ToList())),
            new FigureTable("feedback", "Feedback received", "Links sent through the portal; responses include feedback received on paper or by email.",
                ["Who was asked", "Links sent", "Responses"],
                quality.Feedback.Select(f => (IReadOnlyList<string>)[f.RespondentType, N(f.LinksSent), N(f.Responses)]).ToList(),
                new("Feedback responses by who gave them", quality.Feedback.Select(f => new FigureBar(f.RespondentType, f.Responses)).ToList())),
        };
        var profile = ProfileKinds.Select(k => Review(k.Kind, $"The children: {k.Measure.ToLowerInvariant()}",
            [k.Measure, "Looked after on " + UkTime.Format(review.To), "Started in the year"],
            review.Profile.Where(g => g.Measure == k.Measure).Select(g => new[] { g.Group, N(g.AtEnd), N(g.Started) }),
            new($"Children looked after on {UkTime.Format(review.To)} by {k.Measure.ToLowerInvariant()}",
                review.Profile.Where(g => g.Measure == k.Measure).Select(g => new FigureBar(g.Group, g.AtEnd)).ToList()), partsOfAWhole: true));
        var all = tables.Concat(profile).Concat(Trends(trend)).ToList();
        foreach (var contributor in _sources)
            all.AddRange(await contributor.BuildAsync(yearStart, cancellationToken));
        return all.ToDictionary(t => t.Kind);
    }

    /// <summary>Each statutory figure over the years that have data, oldest first: a row a year, a bar a year.</summary>
    private static IEnumerable<FigureTable> Trends(IReadOnlyList<ReviewFigures> years)
    {
        var span = years.Count == 0 ? "" : years.Count == 1 ? ReportingYear.ShortName(years[0].YearStart)
            : $"{ReportingYear.ShortName(years[0].YearStart)} to {ReportingYear.ShortName(years[^1].YearStart)}";
        var (low, high) = years.Count == 0 ? (0, 0) : (years[^1].CaseloadLow, years[^1].CaseloadHigh);
        var note = years.Count == 0 ? "No review data has been imported for these years yet." : $"From the SSDA903 returns for {span}.";
        FigureTable Trend(string kind, string title, string[] columns, Func<ReviewFigures, string[]> row, string chart, Func<ReviewFigures, double> bar, string unit = "", double? max = null, bool band = false) =>
            new(kind, years.Count == 0 ? title : $"{title}, {span}", note, ["Year", .. columns],
                years.Select(y => (IReadOnlyList<string>)[y.YearLabel, .. row(y)]).ToList(),
                years.Count == 0 ? null : new FigureChart(chart, years.Select(y => new FigureBar(y.ShortYearLabel, bar(y))).ToList(), unit, max,
                    band ? low : null, band ? high : null, band ? $"{low} to {high}" : null));

        yield return Trend("trend-looked-after", "Children looked after", ["At the start", "Started", "Stopped", "At the end"],
            y => [N(y.LookedAfterAtStart), N(y.StartedCare), N(y.LeftCare), N(y.LookedAfterAtEnd)], "Children looked after at the end of each year", y => y.LookedAfterAtEnd);
        yield return Trend("trend-reviews-on-time", "Reviews on time", ["Reviews held", "On time", "Share on time"],
            y => [N(y.ReviewsAssessed), N(y.ReviewsOnTime), Pct(y.OnTimePercent)], "The share of reviews held on time each year", y => y.OnTimePercent, "%", 100);
        yield return Trend("trend-participation", "Children's participation", ["Reviews of children aged 4 or over", "The child took part", "Share"],
            y => [N(y.ReviewsOfChildrenAgedFourOrOver), N(y.ReviewsWithParticipation), Pct(y.ParticipationPercent)], "The share of reviews in which the child took part each year", y => y.ParticipationPercent, "%", 100);
        yield return Trend("trend-caseloads", "IRO caseloads", ["IROs", "Children per full-time IRO", "IROs above the range"],
            y => [N(y.Iros.Count), y.AverageCaseload.ToString("0.#", Uk), N(y.Iros.Count(i => i.Caseload > y.CaseloadHigh))],
            "Children per full-time IRO each year against the Handbook's range", y => y.AverageCaseload, band: true);
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
