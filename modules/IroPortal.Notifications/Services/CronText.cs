using System.Globalization;

namespace IroPortal.Notifications.Services;

/// <summary>
/// The scheduler's cron expressions: five fields (minute hour day month weekday), or six with seconds first,
/// as Hangfire reads them, in UK time. Recognises the Quartz form the portal used before (seconds first, "?" in
/// a day field, a year, weekdays numbered 1 = Sunday) and turns it into Hangfire's; and says any of them in words.
/// </summary>
public static class CronText
{
    /// <summary>Hangfire's expression for a job that never runs on its own (30 February).</summary>
    public const string Never = "0 0 30 2 *";

    /// <summary>Quartz's form: a "?" in a day field, or seven fields (with a year). Hangfire reads neither, and a
    /// Quartz weekday number is one more than cron's, so it must not be read as cron.</summary>
    public static bool IsQuartz(string expression)
    {
        var fields = Fields(expression);
        return fields.Length == 7 || (fields.Length == 6 && (fields[3] == "?" || fields[5] == "?"));
    }

    /// <summary>The Hangfire expression for a Quartz one, or null when there is none (a year other than every year).</summary>
    public static string? FromQuartz(string expression)
    {
        var f = Fields(expression);
        if (f.Length is not (6 or 7) || (f.Length == 7 && f[6] != "*")) return null;
        var weekday = f[5] == "?" ? "*" : QuartzWeekdays(f[5]);
        var parts = new[] { f[1], f[2], f[3] == "?" ? "*" : f[3], f[4], weekday };
        return (f[0] == "0" ? "" : f[0] + " ") + string.Join(' ', parts);
    }

    /// <summary>Quartz numbers weekdays 1 (Sunday) to 7; cron 0 (Sunday) to 6. Names need no change.</summary>
    private static string QuartzWeekdays(string field) =>
        string.Concat(field.Select((c, i) =>
            char.IsAsciiDigit(c) && (i == 0 || field[i - 1] is ',' or '-') && (i + 1 == field.Length || !char.IsAsciiDigit(field[i + 1]))
                ? ((char)(c - 1)).ToString() : c.ToString()));

    private static string[] Fields(string expression) => expression.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static readonly string[] DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] DayKeys = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    private static readonly string[] MonthKeys = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>"Every day at 8am, UK time", "Every 15 minutes", "Every Monday at 8am, UK time"; Quartz expressions too.</summary>
    public static string Describe(string expression)
    {
        var cron = IsQuartz(expression) ? FromQuartz(expression) ?? expression : expression;
        var f = Fields(cron);
        if (f.Length == 5) f = ["0", .. f];
        if (f.Length != 6) return $"On the schedule \"{expression}\"";
        var (second, minute, hour, day, month, weekday) = (f[0], f[1], f[2], f[3], f[4], f[5]);
        if (day is "30" or "31" && month is "2" or "FEB") return "Never (it runs only when someone runs it)";

        var (time, isClock) = Time(second, minute, hour);
        var days = Days(day, month, weekday);
        if (time is null || days is null) return $"On the schedule \"{expression}\" (UK time)";
        var text = isClock ? (days.Length == 0 ? "Every day" : days) + " at " + time : time + (days.Length == 0 ? "" : ", " + Lower(days));
        return char.ToUpperInvariant(text[0]) + text[1..] + (isClock || hour != "*" ? ", UK time" : "");
    }

    private static string Lower(string days) => days.StartsWith("Every ", StringComparison.Ordinal) ? "every " + days[6..] : days;

    /// <returns>The time of day ("8am", "8am and 2pm") with isClock, or a frequency ("every 15 minutes"); null if beyond words.</returns>
    private static (string? Text, bool IsClock) Time(string second, string minute, string hour)
    {
        if (second != "0")
        {
            if (second == "*" && minute == "*" && hour == "*") return ("every second", false);
            return Step(second) is { } s && minute == "*" && hour == "*" ? ($"every {s} seconds", false) : (null, false);
        }
        if (minute == "*") return (hour == "*" ? "every minute" : HourRange(hour) is { } r ? $"every minute {r}" : null, false);
        if (Step(minute) is { } m)
        {
            var every = m == 1 ? "every minute" : $"every {m} minutes";
            return (hour == "*" ? every : HourRange(hour) is { } r ? $"{every} {r}" : null, false);
        }
        if (!Numbers(minute, 59, out var minutes)) return (null, false);
        var past = minutes.Count == 1 && minutes[0] == 0 ? "on the hour" : $"at {List(minutes.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList())} minutes past";
        if (hour == "*") return ($"every hour {past}", false);
        if (Step(hour) is { } h) return ($"every {h} hours {past}", false);
        if (HourRange(hour) is { } range && hour.Contains('-')) return ($"every hour {past} {range}", false);
        if (minutes.Count != 1 || !Numbers(hour, 23, out var hours)) return (null, false);
        return (List(hours.Select(x => Clock(x, minutes[0])).ToList()), true);
    }

    private static string? HourRange(string hour)
    {
        var ends = hour.Split('-');
        return ends.Length == 2 && int.TryParse(ends[0], out var from) && int.TryParse(ends[1], out var to) && from is >= 0 and <= 23 && to is >= 0 and <= 23
            ? $"from {Clock(from, 0)} to {Clock(to, 59)}"
            : Numbers(hour, 23, out var hours) ? $"in the hour from {List(hours.Select(x => Clock(x, 0)).ToList())}" : null;
    }

    private static string? Days(string day, string month, string weekday)
    {
        string? months = month == "*" ? "" : Numbers(month, 12, out var ms, MonthKeys, first: 1)
            ? " in " + List(ms.Select(x => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(x)).ToList()) : null;
        if (months is null) return null;
        if (day == "*" && weekday == "*") return months.Length == 0 ? "" : "Every day" + months;
        if (day == "*")
        {
            var range = weekday.Split('-');
            if (range.Length == 2 && Weekday(range[0]) is { } from && Weekday(range[1]) is { } to) return $"{DayNames[from]} to {DayNames[to]}{months}";
            return Numbers(weekday, 7, out var ds, DayKeys) ? "Every " + List(ds.Select(d => DayNames[d % 7]).ToList()) + months : null;
        }
        if (weekday != "*") return null;
        if (day == "L") return "On the last day of " + (months.Length == 0 ? "every month" : "the month" + months);
        if (!Numbers(day, 31, out var dates, first: 1)) return null;
        var ordinals = List(dates.Select(Ordinal).ToList());
        return months.Length == 0 ? $"On the {ordinals} of every month" : $"On the {ordinals}{months}";
    }

    private static int? Weekday(string value)
    {
        var index = Array.IndexOf(DayKeys, value.ToUpperInvariant());
        return index >= 0 ? index : int.TryParse(value, out var n) && n is >= 0 and <= 7 ? n % 7 : null;
    }

    /// <summary>"*/15" or "0/15": every 15.</summary>
    private static int? Step(string field)
    {
        var parts = field.Split('/');
        return parts.Length == 2 && parts[0] is "*" or "0" && int.TryParse(parts[1], out var step) && step > 0 ? step : null;
    }

    /// <summary>A number or a list of numbers (or names), each within range.</summary>
    private static bool Numbers(string field, int max, out List<int> values, string[]? names = null, int first = 0)
    {
        values = [];
        foreach (var part in field.Split(','))
        {
            var nameIndex = names is null ? -1 : Array.IndexOf(names, part.ToUpperInvariant());
            if (nameIndex >= 0) values.Add(nameIndex + first);
            else if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= first && n <= max) values.Add(n);
            else return false;
        }
        return values.Count > 0;
    }

    private static string Clock(int hour, int minute)
    {
        var time = new TimeOnly(hour, minute);
        return time.ToString(minute == 0 ? "%h" : "h:mm", CultureInfo.InvariantCulture) + (hour < 12 ? "am" : "pm");
    }

    private static string Ordinal(int n) => n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static string List(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
