using IroPortal.AnnualReport.Contracts;
using IroPortal.Modularity;
using IroPortal.Performance.Contracts;
using static IroPortal.AnnualReport.Contracts.FigureText;

namespace IroPortal.Performance.Services;

/// <summary>The annual report's figures blocks from the review data: the statutory figures, the children's profile
/// and five-year trends.</summary>
public sealed class ReviewFigureBlocks(IReviewFigures reviews) : IFigureSource
{
    /// <summary>The children's profile, a block for each measure (before <see cref="Kinds"/>, which lists them).</summary>
    private static readonly (string Kind, string Measure)[] ProfileKinds =
    [
        ("children-age", "Age"), ("children-gender", "Gender"), ("children-ethnicity", "Ethnic group"), ("children-legal-status", "Legal status"),
        ("children-placement", "Placement"), ("children-distance", "Distance from home"), ("children-uasc", "Unaccompanied asylum-seeking children"),
    ];

    public IReadOnlyList<FigureKind> Kinds { get; } =
    [
        new FigureKind("looked-after", "Children looked after", "How many children were looked after at the start and end of the year, started and stopped.", true),
        new FigureKind("review-timeliness", "Review timeliness", "Reviews held and how many were on time under the statutory timetable.", true),
        new FigureKind("participation", "Children's participation", "How children took part in their reviews, by the SSDA903 codes PN0 to PN7.", true),
        new FigureKind("caseloads", "IRO caseloads", "Each IRO's caseload per full-time IRO against the Handbook's 50 to 70, with the national averages.", true),
        new FigureKind("trend-looked-after", "Children looked after over five years", "Looked after at the start and end of each year, started and stopped, for up to five years.", true),
        new FigureKind("trend-reviews-on-time", "Reviews on time over five years", "The share of reviews held on time in each of up to five years.", true),
        new FigureKind("trend-participation", "Participation over five years", "The share of reviews of children aged 4 or over in which the child took part, for up to five years.", true),
        new FigureKind("trend-caseloads", "Caseloads over five years", "Children per full-time IRO in each of up to five years, against the Handbook's 50 to 70.", true),
        .. ProfileKinds.Select(k => new FigureKind(k.Kind, $"The children: {k.Measure.ToLowerInvariant()}", $"Children looked after at 31 March and those who started, by {k.Measure.ToLowerInvariant()}.", true)),
    ];

    public async Task<IReadOnlyList<FigureTable>> BuildAsync(int yearStart, CancellationToken cancellationToken = default)
    {
        var (review, trend) = await reviews.WithTrendAsync(yearStart, cancellationToken);
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
        };
        var profile = ProfileKinds.Select(k => Review(k.Kind, $"The children: {k.Measure.ToLowerInvariant()}",
            [k.Measure, "Looked after on " + UkTime.Format(review.To), "Started in the year"],
            review.Profile.Where(g => g.Measure == k.Measure).Select(g => new[] { g.Group, N(g.AtEnd), N(g.Started) }),
            new($"Children looked after on {UkTime.Format(review.To)} by {k.Measure.ToLowerInvariant()}",
                review.Profile.Where(g => g.Measure == k.Measure).Select(g => new FigureBar(g.Group, g.AtEnd)).ToList()), partsOfAWhole: true));
        return [.. tables, .. profile, .. Trends(trend)];
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
}
