using IroPortal.Modularity;
using IroPortal.Performance.Models;

namespace IroPortal.Performance.Services;

/// <summary>A continuous period of care: episodes that follow one another without a gap.</summary>
public sealed record CarePeriod(string ChildKey, DateOnly Start, DateOnly? End)
{
    public bool Contains(DateOnly day) => day >= Start && (End is null || day <= End);
    public bool LookedAfterOn(DateOnly day) => day >= Start && (End is null || day < End);
}

public static class CarePeriods
{
    /// <summary>A new episode that begins the day the last one ended continues the same period of care.</summary>
    public static IEnumerable<CarePeriod> Of(IEnumerable<CareEpisode> episodesOfOneChild)
    {
        CarePeriod? current = null;
        foreach (var episode in episodesOfOneChild.OrderBy(e => e.Start))
        {
            if (current is not null && current.End is { } end && episode.Start <= end)
                current = current with { End = episode.End is null || episode.End > end ? episode.End : end };
            else if (current is not null && current.End is null)
                continue; // already open-ended: a later episode cannot extend it
            else
            {
                if (current is not null) yield return current;
                current = new CarePeriod(episode.ChildKey, episode.Start, episode.End);
            }
        }
        if (current is not null) yield return current;
    }
}

public sealed record ReviewTiming(CareReview Review, CarePeriod? Period, int Number, DateOnly? DueBy, bool OnTime);

/// <summary>
/// The statutory timetable (Care Planning Regulations 2010, reg. 33): the first review within 20 working
/// days of the start of a period of care, the second within three months of the first, each later one
/// within six months of the one before. A child who leaves care and returns starts again at the first.
/// A review on its last allowed day is on time.
/// </summary>
public sealed class ReviewTimeliness(WorkingDays workingDays)
{
    public IEnumerable<ReviewTiming> Assess(IReadOnlyList<CarePeriod> periodsOfOneChild, IEnumerable<CareReview> reviewsOfOneChild)
    {
        var reviews = reviewsOfOneChild.OrderBy(r => r.ReviewDate).ToList();
        foreach (var review in reviews.Where(r => !periodsOfOneChild.Any(p => p.Contains(r.ReviewDate))))
            yield return new ReviewTiming(review, null, 0, null, false);
        foreach (var period in periodsOfOneChild)
        {
            var due = workingDays.Add(period.Start, 20);
            var number = 0;
            foreach (var review in reviews.Where(r => period.Contains(r.ReviewDate)))
            {
                number++;
                yield return new ReviewTiming(review, period, number, due, review.ReviewDate <= due);
                due = review.ReviewDate.AddMonths(number == 1 ? 3 : 6);
            }
        }
    }
}
