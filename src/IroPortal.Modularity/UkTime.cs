using System.Globalization;

namespace IroPortal.Modularity;

/// <summary>Times are stored in UTC and shown to people in UK time.</summary>
public static class UkTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>"22 November 2026 at 3:05pm", the GOV.UK style.</summary>
    public static string Format(DateTime utc)
    {
        var local = FromUtc(utc);
        return local.ToString("d MMMM yyyy", EnGb) + " at " + local.ToString("h:mm", EnGb) + (local.Hour < 12 ? "am" : "pm");
    }

    public static string Format(DateTime? utc, string whenMissing = "Never") => utc is { } value ? Format(value) : whenMissing;

    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string Short(DateOnly date) => date.ToString("d MMM yyyy", EnGb);

    /// <summary>The UK calendar date of a moment: "published 3 June 2026".</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));

    /// <summary>The moment (UTC) a UK calendar day begins: midnight there, whatever the clocks say.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>Today's date in the UK: what "on the day" and "overdue" mean to people here.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(FromUtc(clock.GetUtcNow().UtcDateTime));
}
