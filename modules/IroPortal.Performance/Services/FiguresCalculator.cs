using IroPortal.Modularity;
using IroPortal.Performance.Contracts;
using IroPortal.Performance.Models;

namespace IroPortal.Performance.Services;

/// <summary>Works out a year's figures from its imported rows. No database: tests give it rows by hand.</summary>
public sealed class FiguresCalculator(ReviewTimeliness timeliness)
{
    public const int CaseloadLow = 50, CaseloadHigh = 70; // the IRO Handbook's range for a full-time IRO

    public static readonly IReadOnlyList<(string Code, string Meaning)> CodeMeanings =
    [
        ("PN0", "Child aged under 4 at the time of the review"),
        ("PN1", "Attends and speaks for themselves"),
        ("PN2", "Attends and an advocate speaks for them"),
        ("PN3", "Attends and conveys their views without words"),
        ("PN4", "Attends but does not speak or convey their views"),
        ("PN5", "Does not attend but briefs an advocate"),
        ("PN6", "Does not attend but conveys their views another way"),
        ("PN7", "Does not attend and their views are not conveyed"),
    ];

    private static readonly HashSet<string> Participating = ["PN1", "PN2", "PN3", "PN4", "PN5", "PN6"];

    /// <param name="today">A year still running is counted up to today.</param>
    /// <param name="workingTimes">The IROs' working time as the manager recorded it, every change.</param>
    public ReviewFigures Compute(int year, IReadOnlyList<CareChild> children, IReadOnlyList<CareEpisode> episodes, IReadOnlyList<CareReview> reviews,
        IReadOnlyList<IroAllocation> allocations, DateOnly today, DateTime? importedUtc, IReadOnlyList<IroWorkingTime>? workingTimes = null)
    {
        var times = (workingTimes ?? []).GroupBy(w => w.IroName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(w => w.From).ToList(), StringComparer.OrdinalIgnoreCase);
        var from = ReportingYear.Start(year);
        var to = ReportingYear.End(year) < today ? ReportingYear.End(year) : today;
        var periods = episodes.GroupBy(e => e.ChildKey).ToDictionary(g => g.Key, g => CarePeriods.Of(g).ToList());
        var allPeriods = periods.Values.SelectMany(p => p).ToList();

        var timings = reviews.GroupBy(r => r.ChildKey)
            .SelectMany(g => timeliness.Assess(periods.GetValueOrDefault(g.Key) ?? [], g))
            .Where(t => t.Review.ReviewDate >= from && t.Review.ReviewDate <= to)
            .ToList();
        var assessed = timings.Where(t => t.Period is not null).ToList();
        var olderReviews = timings.Where(t => t.Review.AgedFourOrOver).ToList();
        var participated = olderReviews.Count(t => Participating.Contains(t.Review.Code));

        var byChild = allocations.GroupBy(a => a.ChildKey).ToDictionary(g => g.Key, g => g.ToList());
        string? IroOn(string child, DateOnly day) =>
            byChild.GetValueOrDefault(child)?.Where(a => a.From <= day && (a.To is null || a.To >= day)).MaxBy(a => a.From)?.IroName;
        var days = to.DayNumber - from.DayNumber + 1;
        var iros = allocations.Select(a => a.IroName).Distinct().Order(StringComparer.OrdinalIgnoreCase).Select(iro =>
        {
            var mine = allocations.Where(a => a.IroName == iro).ToList();
            var onEnd = mine.Count(a => a.From <= to && (a.To is null || a.To >= to) && (periods.GetValueOrDefault(a.ChildKey)?.Any(p => p.LookedAfterOn(to)) ?? false));
            // Each allocated day on which the child was looked after, within the year.
            var childDays = mine.Sum(a => (periods.GetValueOrDefault(a.ChildKey) ?? []).Sum(p => Overlap(Max(a.From, p.Start, from), Min(a.To, p.End is { } end ? end.AddDays(-1) : null, to))));
            var average = days <= 0 ? 0 : Math.Round((double)childDays / days, 1);
            var reviewed = assessed.Where(t => IroOn(t.Review.ChildKey, t.Review.ReviewDate) == iro).ToList();
            var (fte, source) = Fte(times.GetValueOrDefault(iro), mine, from, to);
            var caseload = fte <= 0 ? average : Math.Round(average / fte, 1);
            return new IroFigures(iro, onEnd, average, caseload is >= CaseloadLow and <= CaseloadHigh, reviewed.Count, reviewed.Count(t => t.OnTime),
                Percent(reviewed.Count(t => t.OnTime), reviewed.Count), fte, source, caseload);
        }).ToList();

        return new ReviewFigures(
            year, from, to, HasData: children.Count > 0, importedUtc,
            // A child's periods never overlap, so a day's count of periods is its count of children. Starts and ends
            // are counted as periods (a child who came back into care in the year counts twice) so that the flows
            // balance: looked after at the start + started - stopped = looked after at the end.
            LookedAfterAtStart: allPeriods.Count(p => p.LookedAfterOn(from.AddDays(-1))),
            LookedAfterAtEnd: allPeriods.Count(p => p.LookedAfterOn(to)),
            StartedCare: allPeriods.Count(p => p.Start >= from && p.Start <= to),
            LeftCare: allPeriods.Count(p => p.End is { } end && end >= from && end <= to),
            ReviewsHeld: timings.Count,
            ReviewsAssessed: assessed.Count,
            ReviewsOnTime: assessed.Count(t => t.OnTime),
            OnTimePercent: Percent(assessed.Count(t => t.OnTime), assessed.Count),
            ReviewsOfChildrenAgedFourOrOver: olderReviews.Count,
            ReviewsWithParticipation: participated,
            ParticipationPercent: Percent(participated, olderReviews.Count),
            Codes: CodeMeanings.Select(c => new ParticipationCode(c.Code, c.Meaning, timings.Count(t => t.Review.Code == c.Code))).ToList(),
            Iros: iros,
            CaseloadLow, CaseloadHigh,
            Profile: Profile(children, episodes, periods, from, to));
    }

    /// <summary>The children looked after on the last day, with the episode open then, and each period of care begun in
    /// the year, with its first episode.</summary>
    private static IReadOnlyList<ProfileGroup> Profile(IReadOnlyList<CareChild> children, IReadOnlyList<CareEpisode> episodes,
        Dictionary<string, List<CarePeriod>> periods, DateOnly from, DateOnly to)
    {
        var byChild = episodes.ToLookup(e => e.ChildKey);
        var atEnd = new List<(string, CareEpisode)>();
        var started = new List<(string, CareEpisode)>();
        foreach (var (child, childPeriods) in periods)
        {
            var mine = byChild[child].OrderBy(e => e.Start).ToList();
            if (childPeriods.Any(p => p.LookedAfterOn(to)) && mine.LastOrDefault(e => e.Start <= to) is { } open) atEnd.Add((child, open));
            foreach (var period in childPeriods.Where(p => p.Start >= from && p.Start <= to))
                if (mine.FirstOrDefault(e => e.Start == period.Start) is { } first) started.Add((child, first));
        }
        return ChildProfile.Of(children.DistinctBy(c => c.ChildKey).ToDictionary(c => c.ChildKey), atEnd, started, to);
    }

    /// <summary>An IRO's time for their own children over the year, weighted by days: from their profile (each change
    /// from its date, the first holding before it too), else the allocation list's FTE, else full time.</summary>
    private static (double Fte, FteSource Source) Fte(List<IroWorkingTime>? times, List<IroAllocation> mine, DateOnly from, DateOnly to)
    {
        if (times is { Count: > 0 })
        {
            double weighted = 0;
            var days = 0;
            for (var i = 0; i < times.Count; i++)
            {
                var start = i == 0 ? from : Max(from, times[i].From);
                var end = i + 1 < times.Count ? Min(times[i + 1].From.AddDays(-1), null, to) : to;
                var length = Overlap(start, end);
                weighted += length * times[i].IroFte;
                days += length;
            }
            return (days == 0 ? times[^1].IroFte : Math.Round(weighted / days, 2), FteSource.Profile);
        }
        return mine.Where(a => a.Fte is not null).MaxBy(a => a.From)?.Fte is { } listed ? (listed, FteSource.AllocationList) : (1.0, FteSource.AssumedFullTime);
    }

    private static int Overlap(DateOnly start, DateOnly end) => end < start ? 0 : end.DayNumber - start.DayNumber + 1;
    private static DateOnly Max(params DateOnly[] days) => days.Max();
    private static DateOnly Min(DateOnly? a, DateOnly? b, DateOnly c) => new[] { a ?? c, b ?? c, c }.Min();
    private static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}
