using IroPortal.QualityAssurance.Models;

namespace IroPortal.QualityAssurance.Services;

public enum ComplianceState
{
    /// <summary>Never done, and the first interval has not run out yet.</summary>
    NotYetDue,
    UpToDate,
    DueSoon,
    Overdue,
}

/// <param name="DueOn">The last day on which doing it keeps to the standard.</param>
public sealed record ComplianceStatus(QaActivity Activity, DateOnly? LastDone, DateOnly DueOn, ComplianceState State, int IntervalMonths)
{
    public string Label => State switch
    {
        ComplianceState.Overdue => LastDone is null ? "Never done: overdue" : "Overdue",
        ComplianceState.DueSoon => "Due soon",
        ComplianceState.UpToDate => "Up to date",
        _ => "Not done yet",
    };
}

/// <summary>
/// When each activity is due for an IRO. An activity done on a day is due again the same day of the month,
/// the standard's number of months later; where that month is shorter, on its last day (done on 31 December,
/// every two months: due 28 February, or 29 in a leap year). It is overdue from the day after. The standard
/// in force on the day asked about is the one that applies, so a standard changed mid-year changes the
/// status from the day it takes effect, never before.
/// </summary>
public static class OverdueRules
{
    public const int DefaultIntervalMonths = 2;
    public const int SurveyIntervalMonths = 2;
    public const int DueSoonDays = 14;

    public static int IntervalOn(IEnumerable<QaStandard> history, QaActivity activity, DateOnly day) =>
        history.Where(s => s.Activity == activity && s.EffectiveFrom <= day).MaxBy(s => s.EffectiveFrom)?.IntervalMonths ?? DefaultIntervalMonths;

    public static DateOnly DueDate(DateOnly lastDone, int intervalMonths) => lastDone.AddMonths(intervalMonths);

    /// <param name="trackedFrom">When the IRO's quality assurance began: the clock for an activity never done.</param>
    public static ComplianceStatus Status(QaActivity activity, DateOnly? lastDone, DateOnly trackedFrom, IEnumerable<QaStandard> history, DateOnly today)
    {
        var interval = IntervalOn(history, activity, today);
        var due = DueDate(lastDone ?? trackedFrom, interval);
        var state = today > due ? ComplianceState.Overdue
            : due.DayNumber - today.DayNumber <= DueSoonDays ? ComplianceState.DueSoon
            : lastDone is null ? ComplianceState.NotYetDue
            : ComplianceState.UpToDate;
        return new ComplianceStatus(activity, lastDone, due, state, interval);
    }

    /// <summary>
    /// The survey's measure of "regular": done at least every two months through the period, so no gap
    /// longer than two months from the start of the period (or the last time before it) to each time it was
    /// done, and from the last time to the end of the period.
    /// </summary>
    public static bool DoneRegularly(IEnumerable<DateOnly> doneDates, DateOnly periodStart, DateOnly periodEnd, int months = SurveyIntervalMonths)
    {
        var dates = doneDates.Where(d => d <= periodEnd).Order().ToList();
        if (!dates.Any(d => d >= periodStart)) return false;
        var previous = dates.LastOrDefault(d => d < periodStart) is var before && before != default ? before : periodStart;
        foreach (var date in dates.Where(d => d >= periodStart))
        {
            if (date > previous.AddMonths(months)) return false;
            previous = date;
        }
        return periodEnd <= previous.AddMonths(months);
    }
}
