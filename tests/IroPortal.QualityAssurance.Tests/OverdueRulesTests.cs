using IroPortal.Modularity;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;

namespace IroPortal.QualityAssurance.Tests;

public sealed class OverdueRulesTests
{
    private static readonly DateOnly TrackedFrom = new(2025, 4, 1);

    private static QaStandard Every(int months, DateOnly from, QaActivity activity = QaActivity.Observation) =>
        new() { Activity = activity, IntervalMonths = months, EffectiveFrom = from };

    private static ComplianceStatus Status(DateOnly? lastDone, DateOnly today, params QaStandard[] standards) =>
        OverdueRules.Status(QaActivity.Observation, lastDone, TrackedFrom, standards.Length == 0 ? [Every(2, TrackedFrom)] : standards, today);

    [Theory]
    [InlineData("2026-12-31", "2027-02-28")] // a short month: its last day
    [InlineData("2027-12-31", "2028-02-29")] // a leap year's February
    [InlineData("2026-01-31", "2026-03-31")]
    [InlineData("2026-08-31", "2026-10-31")]
    [InlineData("2026-06-30", "2026-08-30")] // not the month's end: the same day
    public void Due_the_same_day_two_months_on_or_the_last_day_of_a_shorter_month(string done, string due) =>
        Assert.Equal(DateOnly.Parse(due), Status(DateOnly.Parse(done), DateOnly.Parse(done)).DueOn);

    [Fact]
    public void Overdue_from_the_day_after_the_due_date_not_on_it()
    {
        var done = new DateOnly(2027, 12, 31);
        Assert.Equal(ComplianceState.DueSoon, Status(done, new DateOnly(2028, 2, 29)).State);
        Assert.Equal(ComplianceState.Overdue, Status(done, new DateOnly(2028, 3, 1)).State);
    }

    [Fact]
    public void Due_soon_in_the_last_two_weeks_and_up_to_date_before()
    {
        var done = new DateOnly(2026, 9, 1); // due 1 November
        Assert.Equal(ComplianceState.UpToDate, Status(done, new DateOnly(2026, 10, 17)).State);
        Assert.Equal(ComplianceState.DueSoon, Status(done, new DateOnly(2026, 10, 18)).State);
    }

    [Fact]
    public void Never_done_is_counted_from_when_quality_assurance_began_for_the_iro()
    {
        Assert.Equal(ComplianceState.NotYetDue, Status(null, new DateOnly(2025, 5, 1)).State);
        var late = Status(null, new DateOnly(2025, 6, 2));
        Assert.Equal(ComplianceState.Overdue, late.State);
        Assert.Equal("Never done: overdue", late.Label);
    }

    [Fact]
    public void A_standard_changed_mid_year_applies_from_the_day_it_changed_not_before()
    {
        var done = new DateOnly(2026, 5, 10);
        var standards = new[] { Every(2, TrackedFrom), Every(4, new DateOnly(2026, 8, 1)) };
        // 20 July: the two-month standard was in force, so it was overdue from 11 July.
        Assert.Equal(ComplianceState.Overdue, Status(done, new DateOnly(2026, 7, 20), standards).State);
        // From 1 August the four-month standard applies: due 10 September, so not overdue now.
        var after = Status(done, new DateOnly(2026, 8, 1), standards);
        Assert.Equal(new DateOnly(2026, 9, 10), after.DueOn);
        Assert.Equal(ComplianceState.UpToDate, after.State);
        Assert.Equal(4, after.IntervalMonths);
    }

    [Fact]
    public void A_standard_for_another_activity_does_not_apply() =>
        Assert.Equal(2, OverdueRules.IntervalOn([Every(2, TrackedFrom), Every(6, TrackedFrom, QaActivity.CaseFileAudit)], QaActivity.Observation, new DateOnly(2026, 1, 1)));

    [Fact]
    public void Regular_means_no_gap_longer_than_two_months_through_the_year()
    {
        var start = new DateOnly(2025, 4, 1);
        var end = new DateOnly(2026, 3, 31);
        DateOnly[] everySeventhWeek = [.. Enumerable.Range(0, 8).Select(i => start.AddDays(20 + i * 49))];
        Assert.True(OverdueRules.DoneRegularly(everySeventhWeek, start, end));
        Assert.False(OverdueRules.DoneRegularly(everySeventhWeek.Where((_, i) => i != 3), start, end)); // one gap of 14 weeks
        Assert.False(OverdueRules.DoneRegularly([], start, end));
        // Done in March of the year before counts as the start of the first gap.
        Assert.True(OverdueRules.DoneRegularly([new DateOnly(2025, 3, 20), new DateOnly(2025, 5, 15), new DateOnly(2025, 7, 14)], start, new DateOnly(2025, 8, 31)));
        Assert.False(OverdueRules.DoneRegularly([new DateOnly(2025, 7, 1)], start, new DateOnly(2025, 8, 31))); // nothing April to June
    }

    [Theory]
    [InlineData("2026-03-31", 2025)]
    [InlineData("2026-04-01", 2026)]
    [InlineData("2027-01-15", 2026)]
    public void Reporting_years_run_april_to_march(string day, int year) =>
        Assert.Equal(year, ReportingYear.Containing(DateOnly.Parse(day)));
}
