using IroPortal.Modularity.Scheduling;
using IroPortal.Modularity;
using IroPortal.Notifications.Services;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.Storage;

namespace IroPortal.Notifications.Tests;

public sealed class ReminderDatesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-12-01", null)]            // 14 days before: nothing yet
    [InlineData("2026-12-08", "before")]        // 7 days before: the first reminder
    [InlineData("2026-12-14", "before")]        // same occurrence all week: delivered once
    [InlineData("2026-12-15", "on-the-day")]
    [InlineData("2026-12-16", "on-the-day")]    // a day late: the last one due is still the deadline's
    [InlineData("2026-12-18", "overdue-2026-12-18")] // every 3 days while overdue
    [InlineData("2026-12-20", "overdue-2026-12-18")] // missed days catch up once, not repeat
    [InlineData("2026-12-21", "overdue-2026-12-21")]
    public void A_contribution_deadline_reminds_before_on_the_day_and_every_few_days_while_overdue(string today, string? expected) =>
        Assert.Equal(expected, DeadlineReminderDates.OccurrenceOn(D("2026-12-15"), D(today), daysBefore: 7, repeatEveryDays: 3));

    [Theory]
    [InlineData("2027-03-01", null)]
    [InlineData("2027-03-05", "before")]
    [InlineData("2027-03-11", "before")]
    [InlineData("2027-03-12", "on-the-day")]
    [InlineData("2027-03-13", null)] // after the day: nothing more
    public void A_milestone_reminds_in_the_days_before_and_on_the_day(string today, string? expected) =>
        Assert.Equal(expected, MilestoneDates.OccurrenceOn(D("2027-03-12"), remindDaysBefore: 7, D(today)));

    [Fact]
    public void Papers_due_count_back_working_days_past_weekends_and_bank_holidays()
    {
        var calendar = WorkingDays.EnglandAndWales();
        // A board on Tuesday 6 April 2027, papers 7 working days before: back over Easter Monday and Good Friday.
        Assert.Equal(D("2027-03-24"), calendar.Subtract(D("2027-04-06"), 7));
        Assert.Equal(D("2026-12-14"), calendar.Subtract(D("2026-12-21"), 5));
    }

    [Theory]
    // Spring forward: 01:00 UTC on Sunday 28 March 2027 becomes 02:00 BST.
    [InlineData("2027-03-27T23:30:00Z", "2027-03-27")]
    [InlineData("2027-03-28T00:30:00Z", "2027-03-28")]
    [InlineData("2027-03-28T23:30:00Z", "2027-03-29")] // 00:30 BST on Monday
    // Fall back: 01:00 UTC on Sunday 31 October 2027 becomes 01:00 GMT.
    [InlineData("2027-10-30T23:30:00Z", "2027-10-31")] // 00:30 BST on Sunday
    [InlineData("2027-10-31T23:30:00Z", "2027-10-31")] // 23:30 GMT, still Sunday
    public void Today_is_the_UK_date_on_both_sides_of_the_clock_changes(string utc, string ukDate) =>
        Assert.Equal(D(ukDate), UkTime.Today(new FixedClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>The next run as Hangfire itself works it out for a recurring job in UK time, at a given moment.</summary>
    private static string NextRun(string cron, string utc)
    {
        var now = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var storage = new InMemoryStorage();
        var manager = new RecurringJobManager(storage, JobFilterProviders.Providers, new DefaultTimeZoneResolver(), () => now);
        manager.AddOrUpdate("job", PortalJob.For("job"), cron, new RecurringJobOptions { TimeZone = UkTime.Zone });
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().Single().NextExecution!.Value.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void A_daily_8am_reminder_is_at_8am_UK_time_across_the_clock_change_weekends()
    {
        var cron = CronText.FromQuartz("0 0 8 * * ?")!; // the rules' own schedule, written the Quartz way
        Assert.Equal("0 8 * * *", cron);
        Assert.Equal("2027-03-27 08:00", NextRun(cron, "2027-03-27T00:00:00Z")); // GMT
        Assert.Equal("2027-03-28 07:00", NextRun(cron, "2027-03-27T09:00:00Z")); // first BST morning
        Assert.Equal("2027-10-30 07:00", NextRun(cron, "2027-10-30T00:00:00Z")); // last BST morning
        Assert.Equal("2027-10-31 08:00", NextRun(cron, "2027-10-30T09:00:00Z")); // GMT again
    }

    [Fact]
    public void A_job_at_1_30am_still_runs_on_the_night_the_clocks_skip_that_hour()
    {
        // 01:30 does not exist on 28 March 2027 in the UK: Hangfire runs it as the clocks go forward (01:00 UTC).
        Assert.Equal("2027-03-28 01:00", NextRun("30 1 * * *", "2027-03-27T02:00:00Z"));
        // 01:30 happens twice on 31 October 2027: a daily job runs once, at the first.
        Assert.Equal("2027-10-31 00:30", NextRun("30 1 * * *", "2027-10-30T02:00:00Z"));
        Assert.Equal("2027-11-01 01:30", NextRun("30 1 * * *", "2027-10-31T00:31:00Z"));
    }

    [Theory]
    [InlineData("0 0 8 * * ?", "0 8 * * *")]
    [InlineData("0 0 8 ? * MON", "0 8 * * MON")]
    [InlineData("0 0 8 ? * 2", "0 8 * * 1")] // Quartz's 2 is Monday; cron's is Tuesday
    [InlineData("0 0 8 ? * 2-6", "0 8 * * 1-5")]
    [InlineData("0 0 8 ? * 1,7", "0 8 * * 0,6")]
    [InlineData("0 0 9 ? * 6#3", "0 9 * * 5#3")]
    [InlineData("0 0 9 ? * 6L", "0 9 * * 5L")]
    [InlineData("0 0/15 * * * ?", "0/15 * * * *")]
    [InlineData("0/2 * * * * ?", "0/2 * * * * *")]
    [InlineData("0 30 6 1 * ? *", "30 6 1 * *")]
    public void Quartz_expressions_become_Hangfire_cron(string quartz, string cron)
    {
        Assert.True(CronText.IsQuartz(quartz));
        Assert.Equal(cron, CronText.FromQuartz(quartz));
        Assert.False(CronText.IsQuartz(cron));
    }

    [Fact]
    public void A_Quartz_expression_for_one_year_has_no_cron_equivalent() => Assert.Null(CronText.FromQuartz("0 0 0 1 1 ? 2099"));

    [Theory]
    [InlineData("0 8 * * *", "Every day at 8am, UK time")]
    [InlineData("30 8 * * *", "Every day at 8:30am, UK time")]
    [InlineData("0 8 * * MON", "Every Monday at 8am, UK time")]
    [InlineData("0 8 * * 1-5", "Monday to Friday at 8am, UK time")]
    [InlineData("0 8,14 * * *", "Every day at 8am and 2pm, UK time")]
    [InlineData("0 9 1 * *", "On the 1st of every month at 9am, UK time")]
    [InlineData("0 9 1 4 *", "On the 1st in April at 9am, UK time")]
    [InlineData("* * * * *", "Every minute")]
    [InlineData("*/15 * * * *", "Every 15 minutes")]
    [InlineData("5 * * * *", "Every hour at 5 minutes past")]
    [InlineData("0/2 * * * * *", "Every 2 seconds")]
    [InlineData(CronText.Never, "Never (it runs only when someone runs it)")]
    // The rules' own schedules, still written the Quartz way, in the same words.
    [InlineData("0 0 8 * * ?", "Every day at 8am, UK time")]
    [InlineData("0 0 8 ? * MON", "Every Monday at 8am, UK time")]
    [InlineData("0 0/15 * * * ?", "Every 15 minutes")]
    [InlineData("0 * * * * ?", "Every minute")]
    public void Schedules_are_described_in_words(string cron, string words) => Assert.Equal(words, CronText.Describe(cron));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
