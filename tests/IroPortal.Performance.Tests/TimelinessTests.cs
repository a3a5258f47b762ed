using IroPortal.Modularity;
using IroPortal.Performance.Models;
using IroPortal.Performance.Services;

namespace IroPortal.Performance.Tests;

public sealed class TimelinessTests
{
    private static readonly WorkingDays Calendar = WorkingDays.EnglandAndWales();
    private static readonly ReviewTimeliness Rules = new(Calendar);

    private static DateOnly D(string date) => DateOnly.Parse(date);
    private static CareEpisode Episode(string start, string? end = null) => new() { ChildKey = "C1", Start = D(start), End = end is null ? null : D(end) };
    private static CareReview Review(string on) => new() { ChildKey = "C1", ReviewDate = D(on), Code = "PN1" };

    private static List<ReviewTiming> Assess(CareEpisode[] episodes, params string[] reviews) =>
        Rules.Assess(CarePeriods.Of(episodes).ToList(), reviews.Select(Review)).OrderBy(t => t.Review.ReviewDate).ToList();

    [Fact]
    public void Twenty_working_days_skip_weekends_and_bank_holidays()
    {
        // Care began Friday 20 March 2026. Without holidays the 20th working day would be Friday 17 April; Good
        // Friday (3 April) and Easter Monday (6 April) push it to Tuesday 21 April.
        Assert.Equal(D("2026-04-21"), Calendar.Add(D("2026-03-20"), 20));
        Assert.Equal(D("2026-04-17"), new WorkingDays([]).Add(D("2026-03-20"), 20));
        Assert.False(Calendar.IsWorkingDay(D("2026-12-28"))); // Boxing Day falls on a Saturday: the substitute Monday
        Assert.True(Calendar.IsWorkingDay(D("2026-12-29")));
    }

    [Fact]
    public void A_first_review_on_the_last_allowed_day_is_on_time_and_the_day_after_is_late()
    {
        var onTheDay = Assess([Episode("2026-03-20")], "2026-04-21");
        Assert.True(onTheDay.Single().OnTime);
        Assert.Equal(D("2026-04-21"), onTheDay.Single().DueBy);
        Assert.False(Assess([Episode("2026-03-20")], "2026-04-22").Single().OnTime);
    }

    [Fact]
    public void The_second_review_is_due_within_three_months_and_later_ones_within_six()
    {
        var timings = Assess([Episode("2025-01-06")], "2025-01-31", "2025-04-30", "2025-10-30", "2026-05-01");
        Assert.Equal([true, true, true, false], timings.Select(t => t.OnTime));
        Assert.Equal(D("2025-04-30"), timings[1].DueBy); // 31 January plus three months: the last day of April
        Assert.Equal(D("2025-10-30"), timings[2].DueBy);
        Assert.Equal(D("2026-04-30"), timings[3].DueBy);
    }

    [Fact]
    public void In_a_leap_year_six_months_from_31_august_is_29_february()
    {
        var timings = Assess([Episode("2027-01-04")], "2027-01-20", "2027-04-20", "2027-08-31", "2028-02-29");
        Assert.Equal(D("2028-02-29"), timings[3].DueBy);
        Assert.True(timings[3].OnTime);
    }

    [Fact]
    public void A_child_who_leaves_and_returns_to_care_starts_again_at_the_first_review()
    {
        var episodes = new[] { Episode("2025-01-06", "2025-06-01"), Episode("2025-09-01") };
        var timings = Assess(episodes, "2025-01-20", "2025-04-15", "2025-09-15", "2025-10-15");
        Assert.Equal(1, timings[2].Number); // the first review of the new period
        Assert.Equal(Calendar.Add(D("2025-09-01"), 20), timings[2].DueBy);
        Assert.Equal(D("2025-12-15"), timings[3].DueBy);
        Assert.All(timings, t => Assert.True(t.OnTime));
    }

    [Fact]
    public void An_episode_that_begins_the_day_the_last_ended_continues_the_same_period()
    {
        var periods = CarePeriods.Of([Episode("2025-01-06", "2025-03-01"), Episode("2025-03-01", "2025-07-01"), Episode("2025-08-01")]).ToList();
        Assert.Equal(2, periods.Count);
        Assert.Equal((D("2025-01-06"), D("2025-07-01")), (periods[0].Start, periods[0].End!.Value));
    }

    [Fact]
    public void A_review_while_not_in_care_is_held_but_not_checked()
    {
        var timing = Assess([Episode("2025-01-06", "2025-03-01")], "2025-05-01").Single();
        Assert.Null(timing.Period);
        Assert.False(timing.OnTime);
    }
}
