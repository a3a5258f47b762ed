namespace IroPortal.Performance.Contracts;

// What the annual report embeds from the review data. Plain values only.

public sealed record ParticipationCode(string Code, string Meaning, int Reviews);

/// <param name="OnYearEnd">Children allocated and looked after on 31 March (or on the last day with data).</param>
/// <param name="AverageOverYear">The average number of children allocated on each day of the year.</param>
public sealed record IroFigures(string Iro, int OnYearEnd, double AverageOverYear, bool WithinRange, int ReviewsHeld, int ReviewsOnTime, double OnTimePercent);

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
    int CaseloadHigh)
{
    /// <summary>The day <see cref="LookedAfterAtStart"/> counts: the 31 March before the year, so that it is the previous
    /// year's end and the flows balance (at the start + started - stopped = at the end).</summary>
    public DateOnly StartCountDate => From.AddDays(-1);
}

public interface IReviewFigures
{
    /// <summary>The figures for the reporting year that starts on 1 April of <paramref name="yearStart"/>,
    /// from the data imported for that year; <see cref="ReviewFigures.HasData"/> is false when there is none.</summary>
    Task<ReviewFigures> ForYearAsync(int yearStart, CancellationToken cancellationToken = default);
}
