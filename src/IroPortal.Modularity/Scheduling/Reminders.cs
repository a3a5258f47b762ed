using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Modularity.Scheduling;

// A module contributes its reminders as rules: it says what is due today and to whom; the notifications
// module decides how each reaches the person (in the portal, by email now or in a daily digest) and makes
// sure each occurrence is delivered once, whichever node runs the rule and however often.

/// <summary>A portal user (in the portal and by email) or someone without an account (by email only).</summary>
public sealed record ReminderRecipient(Guid? UserId, string? Email)
{
    public static ReminderRecipient User(Guid id) => new(id, null);
    public static ReminderRecipient Address(string email) => new(null, email);
    public string Key => UserId?.ToString() ?? Email!.Trim().ToLowerInvariant();
}

/// <summary>One reminder to one person. <paramref name="Subject"/> and <paramref name="Occurrence"/> together
/// name it for good ("round 3f2a…, IRO 81c0…", "overdue-2026-12-04"): the same pair is never delivered twice.</summary>
/// <param name="Link">Where the person acts on it, relative to the portal ("/contributions/mine") or absolute.</param>
/// <param name="Urgent">Due today or overdue: sent at once even to someone who chose a daily digest.</param>
public sealed record ReminderOccurrence(string Subject, string Occurrence, ReminderRecipient Recipient, string Title, string Body, string? Link, bool Urgent = false);

/// <summary>A number the IRO manager may change for a rule ("days before the deadline").</summary>
public sealed record RuleParameter(string Key, string Label, string Hint, int Default, int Min, int Max);

public sealed record ReminderSettings(bool Enabled, IReadOnlyDictionary<string, int> Values)
{
    public int this[string key] => Values[key];
}

/// <param name="Today">Today in the UK, which is what "on the day" means to people here.</param>
public sealed record ReminderContext(DateTimeOffset Now, DateOnly Today, ReminderSettings Settings);

/// <summary>A module's reminder rule. Registered as a scoped service; the scheduler runs it on its schedule.
/// It must be safe to run at any time and any number of times: it lists what is due, never what is new.</summary>
public interface IReminderRule
{
    /// <summary>Stable: it names the rule in the schedule and in every occurrence's idempotency key.</summary>
    string Key { get; }
    string Name { get; }
    /// <summary>Who is reminded of what, and when, in the manager's words.</summary>
    string Description { get; }
    /// <summary>When it runs, in UK time: a cron expression as Hangfire reads it ("0 8 * * *": minute hour day month
    /// weekday). The older Quartz form ("0 0 8 * * ?") is still read and turned into cron.</summary>
    string Schedule { get; }
    IReadOnlyList<RuleParameter> Parameters { get; }
    /// <summary>True for a rule nobody may switch off (an alert about a child who may be at risk).</summary>
    bool AlwaysOn => false;
    Task<IReadOnlyList<ReminderOccurrence>> DueAsync(ReminderContext context, CancellationToken cancellationToken);
}

/// <summary>Scheduled work that is not a reminder (sending the outbox, the daily digest). Scoped.</summary>
public interface IScheduledWork
{
    /// <returns>A line for the administrators' jobs page: what it did.</returns>
    Task<string> RunAsync(CancellationToken cancellationToken);
}

/// <summary>A job for the scheduler: <c>services.AddScheduledWork&lt;T&gt;(...)</c>.</summary>
/// <param name="Schedule">A cron expression in UK time, as for <see cref="IReminderRule.Schedule"/>.</param>
public sealed record ScheduledWork(string Key, string Name, string Description, string Schedule, Type WorkType);

/// <summary>Runs a rule or job now rather than at its next time (after a publication, say), on whichever node
/// the scheduler chooses. Optional: without the notifications module nothing runs.</summary>
public interface IJobTrigger
{
    Task RunSoonAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>How many unread notifications a user has, for the staff header. Optional: without the
/// notifications module there is no count.</summary>
public interface IUnreadNotifications
{
    Task<int> CountAsync(Guid userId, CancellationToken cancellationToken = default);
}

/// <summary>When reminders of a deadline fall (a contribution round's, a board action's, a dispute's response): N days before the deadline, on the day, then every M days while overdue.</summary>
public static class DeadlineReminderDates
{
    /// <summary>The occurrence due on <paramref name="today"/>: "before", "on-the-day", "overdue-yyyy-MM-dd" (the latest
    /// overdue reminder day reached), or null before the first. Run late, it still names the latest one, so a day
    /// the scheduler missed is caught up once, not skipped and not repeated.</summary>
    public static string? OccurrenceOn(DateOnly deadline, DateOnly today, int daysBefore, int repeatEveryDays)
    {
        if (today < deadline.AddDays(-daysBefore)) return null;
        if (today < deadline) return "before";
        var daysLate = today.DayNumber - deadline.DayNumber;
        var latest = deadline.AddDays(daysLate / repeatEveryDays * repeatEveryDays);
        return latest == deadline ? "on-the-day" : $"overdue-{latest:yyyy-MM-dd}";
    }

    /// <summary>The occurrence in words, to follow what is due: "is due on 3 March 2026", "is due today",
    /// "was due on 3 March 2026 and is overdue" (or "late").</summary>
    public static string When(string occurrence, DateOnly deadline, string lateWord = "overdue") =>
        occurrence == "before" ? $"is due on {UkTime.Format(deadline)}"
        : occurrence == "on-the-day" ? "is due today"
        : $"was due on {UkTime.Format(deadline)} and is {lateWord}";
}

public static class SchedulingServices
{
    public static void AddReminderRule<TRule>(this IServiceCollection services) where TRule : class, IReminderRule =>
        services.AddScoped<IReminderRule, TRule>();

    public static void AddScheduledWork<TWork>(this IServiceCollection services, string key, string name, string description, string schedule)
        where TWork : class, IScheduledWork
    {
        services.AddScoped<TWork>();
        services.AddSingleton(new ScheduledWork(key, name, description, schedule, typeof(TWork)));
    }
}
