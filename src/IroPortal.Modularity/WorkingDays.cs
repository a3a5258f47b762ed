using System.Text.Json;

namespace IroPortal.Modularity;

/// <summary>Working days in England and Wales: not Saturday, Sunday or a bank holiday. The bank holidays
/// ship with the portal as data; BankHolidays in configuration adds new ones.</summary>
public sealed class WorkingDays
{
    private readonly HashSet<DateOnly> _holidays;

    public WorkingDays(IEnumerable<DateOnly> holidays) => _holidays = [.. holidays];

    public static WorkingDays EnglandAndWales(IEnumerable<DateOnly>? additional = null)
    {
        using var stream = typeof(WorkingDays).Assembly.GetManifestResourceStream("IroPortal.Modularity.bank-holidays.json")!;
        var document = JsonDocument.Parse(stream);
        var dates = document.RootElement.GetProperty("dates").EnumerateObject().Select(p => DateOnly.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture));
        return new WorkingDays(dates.Concat(additional ?? []));
    }

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>The day that is <paramref name="count"/> working days before <paramref name="from"/> (which itself does not count).</summary>
    public DateOnly Subtract(DateOnly from, int count)
    {
        var day = from;
        while (count > 0)
        {
            day = day.AddDays(-1);
            if (IsWorkingDay(day)) count--;
        }
        return day;
    }

    /// <summary>The day that is <paramref name="count"/> working days after <paramref name="from"/> (which itself does not count).</summary>
    public DateOnly Add(DateOnly from, int count)
    {
        var day = from;
        while (count > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) count--;
        }
        return day;
    }

    /// <summary>How many working days after <paramref name="from"/> (which does not count) up to and including
    /// <paramref name="to"/>: raised on a Monday and answered on the Friday is 4; answered the same day is 0.</summary>
    public int Between(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }

    /// <summary>The working day's hours in the UK: 9am to 5pm.</summary>
    public static readonly TimeOnly DayStarts = new(9, 0), DayEnds = new(17, 0);

    /// <summary>The moment (UTC) that is <paramref name="hours"/> working hours after <paramref name="fromUtc"/>: time
    /// counts only from 9am to 5pm UK time on working days, so 4 hours from 3pm on a Friday is 11am on Monday.</summary>
    public DateTime AddWorkingHours(DateTime fromUtc, int hours)
    {
        var local = UkTime.FromUtc(fromUtc);
        var remaining = TimeSpan.FromHours(hours);
        while (true)
        {
            var day = DateOnly.FromDateTime(local);
            var start = day.ToDateTime(DayStarts);
            var end = day.ToDateTime(DayEnds);
            if (!IsWorkingDay(day) || local >= end) { local = day.AddDays(1).ToDateTime(DayStarts); continue; }
            if (local < start) local = start;
            var left = end - local;
            if (remaining <= left) return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local + remaining, DateTimeKind.Unspecified), UkTime.Zone);
            remaining -= left;
            local = day.AddDays(1).ToDateTime(DayStarts);
        }
    }
}
