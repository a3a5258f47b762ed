using IroPortal.Modularity;

namespace IroPortal.Performance.Contracts;

// What the annual report embeds from the review data. Plain values only.

public sealed record ParticipationCode(string Code, string Meaning, int Reviews);

/// <summary>One group of the children's profile: how many of those looked after at the end of the year, and of
/// those who started, are in it ("Age", "10 to 15", 120, 31).</summary>
public sealed record ProfileGroup(string Measure, string Group, int AtEnd, int Started);

/// <summary>Where an IRO's full-time equivalent came from.</summary>
public enum FteSource { AssumedFullTime = 0, AllocationList = 1, Profile = 2 }

/// <param name="OnYearEnd">Children allocated and looked after on 31 March (or on the last day with data).</param>
/// <param name="AverageOverYear">The average number of children allocated on each day of the year.</param>
/// <param name="Fte">The IRO's time for their own children over the year, as a full-time equivalent (other duties taken off).</param>
/// <param name="Caseload">The caseload as the Handbook means it: <paramref name="AverageOverYear"/> per full-time IRO.</param>
/// <param name="WithinRange">Whether <paramref name="Caseload"/> is within the Handbook's range.</param>
public sealed record IroFigures(string Iro, int OnYearEnd, double AverageOverYear, bool WithinRange, int ReviewsHeld, int ReviewsOnTime, double OnTimePercent,
    double Fte, FteSource FteFrom, double Caseload);

/// <summary>The national survey's average caseloads per IRO by type of council (NCB survey of IRO managers, 2013).</summary>
public static class NationalCaseloads
{
    public static readonly IReadOnlyList<(string Council, int Caseload)> ByCouncilType =
        [("London boroughs", 63), ("Unitary authorities", 73), ("County councils", 88), ("Metropolitan districts", 96)];

    public static string InWords => string.Join(", ", ByCouncilType.Select(c => $"{c.Council.ToLowerInvariant()} {c.Caseload}"));
}

public sealed record ReviewFigures(
    int YearStart,
    DateOnly From,
    DateOnly To,
    bool HasData,
    DateTime? ImportedUtc,
    int LookedAfterAtStart,
    int LookedAfterAtEnd,
    int StartedCare,
    int LeftCare,
    int ReviewsHeld,
    int ReviewsAssessed,
    int ReviewsOnTime,
    double OnTimePercent,
    int ReviewsOfChildrenAgedFourOrOver,
    int ReviewsWithParticipation,
    double ParticipationPercent,
    IReadOnlyList<ParticipationCode> Codes,
    IReadOnlyList<IroFigures> Iros,
    int CaseloadLow,
    int CaseloadHigh,
    IReadOnlyList<ProfileGroup> Profile)
{
    /// <summary>The day <see cref="LookedAfterAtStart"/> counts: the 31 March before the year, so that it is the previous
    /// year's end and the flows balance (at the start + started - stopped = at the end).</summary>
    public DateOnly StartCountDate => From.AddDays(-1);

    /// <summary>From an extract for part of the year, counted to <see cref="To"/>: the annual return replaces it.</summary>
    public bool Provisional { get; init; }

    /// <summary>"2025–26", or "2026–27 (provisional, to 30 September 2026)", for a table's row.</summary>
    public string YearLabel => ReportingYear.ShortName(YearStart) + (Provisional ? $" (provisional, to {UkTime.Format(To)})" : "");

    /// <summary>"2025–26", or "2026–27 so far", for a chart's bar.</summary>
    public string ShortYearLabel => ReportingYear.ShortName(YearStart) + (Provisional ? " so far" : "");

    /// <summary>Children per full-time IRO across the service: the children allocated on an average day ÷ the IROs' FTE
    /// (0 without allocations).</summary>
    public double AverageCaseload => Iros.Sum(i => i.Fte) is var fte && fte <= 0 ? 0 : Math.Round(Iros.Sum(i => i.AverageOverYear) / fte, 1);
}

public interface IReviewFigures
{
    /// <summary>The figures for the reporting year that starts on 1 April of <paramref name="yearStart"/>,
    /// from the data imported for that year; <see cref="ReviewFigures.HasData"/> is false when there is none.</summary>
    Task<ReviewFigures> ForYearAsync(int yearStart, CancellationToken cancellationToken = default);

    /// <summary>The figures of each year with data among the <paramref name="years"/> reporting years that end with
    /// <paramref name="yearStart"/>, oldest first: the trend a report shows.</summary>
    Task<IReadOnlyList<ReviewFigures>> TrendAsync(int yearStart, int years = 5, CancellationToken cancellationToken = default);

    /// <summary>A year's figures and its trend, the year worked out once: each year reads all its rows.</summary>
    async Task<(ReviewFigures Year, IReadOnlyList<ReviewFigures> Trend)> WithTrendAsync(int yearStart, CancellationToken cancellationToken = default)
    {
        var trend = await TrendAsync(yearStart, cancellationToken: cancellationToken);
        return (trend is [.., var last] && last.YearStart == yearStart ? last : await ForYearAsync(yearStart, cancellationToken), trend);
    }
}
