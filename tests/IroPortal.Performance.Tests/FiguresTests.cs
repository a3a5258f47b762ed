using IroPortal.Modularity;
using System.Text.Json;
using IroPortal.Performance.Models;
using IroPortal.Performance.Services;

namespace IroPortal.Performance.Tests;

/// <summary>
/// A year worked out by hand: April 2025 to March 2026, four children.
///   A (born 2015): in care since 1 Jan 2025. Reviews 20 Jan 2025 (before the year), 18 Apr 2025 (due 20 Apr: on time,
///     PN1), 25 Oct 2025 (due 18 Oct: late, PN7).
///   B (born 2023, under 4): care from 2 Jun 2025 to 30 Nov 2025. First review 1 Jul 2025: 20 working days from
///     2 June is 30 June, so late (PN0).
///   C (born 2010): care from 10 Mar 2025 to 10 Apr 2025, back from 1 Sep 2025. Reviews 20 Mar 2025 (before the
///     year), 15 Sep 2025 (first of the new period, due 29 Sep: on time, PN5).
///   D (born 2012): care from 1 Feb 2026. Review 27 Feb 2026, the 20th working day: on time (PN4).
/// Looked after on 31 March 2025, before the year: A, C (2). On 31 March 2026: A, C, D (3). Started in the year: B, C (again), D (3).
/// Left: B, C (first period) (2). Reviews held in the year: 5; on time 3 of 5 = 60%. Aged 4 or over: A twice, C, D = 4;
/// took part (PN1 to PN6): 3 of 4 = 75%. IRO "Jo": A all year, B from its start: on 31 March 1 child; the average
/// is (365 + 181) / 365 = 1.5. Her reviews: A's two and B's one, 1 of 3 on time.
/// </summary>
public sealed class FiguresTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date);

    [Fact]
    public void The_figures_for_a_small_year_match_the_ones_worked_out_by_hand_and_print_as_json()
    {
        var born = new Dictionary<string, DateOnly> { ["A"] = D("2015-05-01"), ["B"] = D("2023-01-01"), ["C"] = D("2010-03-03"), ["D"] = D("2012-12-12") };
        CareChild Child(string id) => new() { ChildKey = id, BirthMonth = new DateOnly(born[id].Year, born[id].Month, 1), YearStart = 2025 };
        CareEpisode Episode(string id, string start, string? end = null) => new() { ChildKey = id, Start = D(start), End = end is null ? null : D(end), YearStart = 2025 };
        CareReview Review(string id, string on, string code) => new() { ChildKey = id, ReviewDate = D(on), Code = code, YearStart = 2025, AgedFourOrOver = ReturnValidator.Age(born[id], D(on)) >= 4 };

        var calculator = new FiguresCalculator(new ReviewTimeliness(WorkingDays.EnglandAndWales()));
        var figures = calculator.Compute(2025,
            [Child("A"), Child("B"), Child("C"), Child("D")],
            [Episode("A", "2025-01-01"), Episode("B", "2025-06-02", "2025-11-30"), Episode("C", "2025-03-10", "2025-04-10"), Episode("C", "2025-09-01"), Episode("D", "2026-02-01")],
            [Review("A", "2025-01-20", "PN1"), Review("A", "2025-04-18", "PN1"), Review("A", "2025-10-25", "PN7"), Review("B", "2025-07-01", "PN0"),
             Review("C", "2025-03-20", "PN2"), Review("C", "2025-09-15", "PN5"), Review("D", "2026-02-27", "PN4")],
            [new IroAllocation { ChildKey = "A", IroName = "Jo", From = D("2025-01-01") }, new IroAllocation { ChildKey = "B", IroName = "Jo", From = D("2025-06-02") }],
            today: D("2026-11-22"), importedUtc: null);

        Assert.Equal((2, 3, 3, 2), (figures.LookedAfterAtStart, figures.LookedAfterAtEnd, figures.StartedCare, figures.LeftCare));
        Assert.Equal((5, 5, 3, 60.0), (figures.ReviewsHeld, figures.ReviewsAssessed, figures.ReviewsOnTime, figures.OnTimePercent));
        Assert.Equal((4, 3, 75.0), (figures.ReviewsOfChildrenAgedFourOrOver, figures.ReviewsWithParticipation, figures.ParticipationPercent));
        Assert.Equal([1, 1, 0, 0, 1, 1, 0, 1], figures.Codes.Select(c => c.Reviews));
        var jo = Assert.Single(figures.Iros);
        Assert.Equal(("Jo", 1, 1.5, false, 3, 1), (jo.Iro, jo.OnYearEnd, jo.AverageOverYear, jo.WithinRange, jo.ReviewsHeld, jo.ReviewsOnTime));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(figures, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        Assert.Equal(60.0, json.RootElement.GetProperty("onTimePercent").GetDouble());
        Assert.Equal("2026-03-31", json.RootElement.GetProperty("to").GetString());
        Assert.Equal("PN5", json.RootElement.GetProperty("codes")[5].GetProperty("code").GetString());
    }

    /// <summary>Generated years of care with the edges that break a count: care that begins on 1 April or ends on
    /// 31 March, a child who leaves and comes back in the same year, an episode that ends the day it began, episodes
    /// that follow on without a gap.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_flows_balance_and_each_year_starts_where_the_last_one_ended(int seed)
    {
        var random = new Random(seed);
        var edges = new[] { D("2024-04-01"), D("2025-03-31"), D("2025-04-01"), D("2026-03-31"), D("2026-04-01") };
        DateOnly Day() => random.Next(4) == 0 ? edges[random.Next(edges.Length)] : D("2023-01-01").AddDays(random.Next(1300));
        var episodes = new List<CareEpisode>();
        for (var child = 0; child < 400; child++)
        {
            var start = Day();
            for (var episode = random.Next(1, 4); episode > 0; episode--)
            {
                DateOnly? end = random.Next(4) == 0 ? null : start.AddDays(random.Next(4) == 0 ? 0 : random.Next(1, 400));
                episodes.Add(new CareEpisode { ChildKey = $"C{child}", Start = start, End = end, YearStart = 2025 });
                if (end is not { } ended) break;
                start = random.Next(3) == 0 ? ended : ended.AddDays(random.Next(1, 200)); // straight on, or back later
            }
        }
        var children = episodes.Select(e => e.ChildKey).Distinct().Select(c => new CareChild { ChildKey = c, BirthMonth = D("2012-01-01"), YearStart = 2025 }).ToList();
        var calculator = new FiguresCalculator(new ReviewTimeliness(WorkingDays.EnglandAndWales()));
        var before = calculator.Compute(2024, children, episodes, [], [], today: D("2026-11-22"), importedUtc: null);
        var year = calculator.Compute(2025, children, episodes, [], [], today: D("2026-11-22"), importedUtc: null);
        Assert.Equal(D("2025-03-31"), year.StartCountDate);
        Assert.Equal(before.LookedAfterAtEnd, year.LookedAfterAtStart);
        foreach (var f in new[] { before, year })
            Assert.Equal(f.LookedAfterAtEnd, f.LookedAfterAtStart + f.StartedCare - f.LeftCare);
        // Care that began on 1 April 2025 is a start in the year, never "looked after at the start".
        Assert.True(year.StartedCare > 0 && year.LeftCare > 0 && year.LookedAfterAtStart > 0);
    }
}
