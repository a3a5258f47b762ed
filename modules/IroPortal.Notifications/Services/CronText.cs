using System.Globalization;
using System.Text.RegularExpressions;

namespace IroPortal.Notifications.Services;

/// <summary>The portal's schedules in words ("Every Monday at 8am, UK time"); anything else as the expression itself.</summary>
public static partial class CronText
{
    [GeneratedRegex(@"^0 (\d{1,2}) (\d{1,2}) (\*|\?) \* (\?|MON|TUE|WED|THU|FRI|SAT|SUN)$")]
    private static partial Regex DailyOrWeekly();

    public static string Describe(string cron)
    {
        if (cron == "0 * * * * ?") return "Every minute";
        var match = DailyOrWeekly().Match(cron.Trim());
        if (!match.Success) return $"On the schedule \"{cron}\" (UK time)";
        var time = new TimeOnly(int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        var at = time.ToString(time.Minute == 0 ? "%h" : "h:mm", CultureInfo.InvariantCulture) + (time.Hour < 12 ? "am" : "pm");
        var day = match.Groups[4].Value switch
        {
            "?" => "Every day",
            var d => "Every " + CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(Enum.Parse<DayOfWeek>(
                Enum.GetNames<DayOfWeek>().Single(n => n.StartsWith(d, StringComparison.OrdinalIgnoreCase)))),
        };
        return $"{day} at {at}, UK time";
    }
}
