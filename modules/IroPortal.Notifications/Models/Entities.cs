namespace IroPortal.Notifications.Models;

/// <summary>A notification shown in the portal to one user.</summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    /// <summary>Rule, subject, occurrence and recipient: unique, so one occurrence is never notified twice.</summary>
    public string IdempotencyKey { get; set; } = "";
    public string RuleKey { get; set; } = "";
    public Guid UserId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Link { get; set; }
    public bool Urgent { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }
    /// <summary>Waiting for the user's daily digest email (they chose a digest and it was not urgent).</summary>
    public bool AwaitingDigest { get; set; }
}

public enum OutboxStatus { Pending = 0, Sent = 1, Failed = 2 }

/// <summary>An email waiting to go, being sent, sent, or given up on. Written in the same transaction as the
/// reminder it carries; sent by whichever node claims it first.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    /// <summary>The node sending it, until <see cref="LockedUntilUtc"/>; after that another node may take it over.</summary>
    public string? LockedBy { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public string? LastError { get; set; }
}

/// <summary>How a user wants non-urgent reminders by email. Absent means immediately.</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; set; }
    public bool DailyDigest { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>The IRO manager's choices for one reminder rule. Absent means the rule's defaults.</summary>
public sealed class ReminderRuleSetting
{
    public string RuleKey { get; set; } = "";
    public bool Enabled { get; set; } = true;
    /// <summary>The rule's numbers by parameter key, as JSON.</summary>
    public string ValuesJson { get; set; } = "{}";
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>A date in the report's timetable that people are reminded of.</summary>
public sealed class Milestone
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public DateOnly Date { get; set; }
    /// <summary>Roles reminded, separated by "|".</summary>
    public string Roles { get; set; } = "";
    public int RemindDaysBefore { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedUtc { get; set; }

    public IReadOnlyList<string> RoleList => Roles.Split('|', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One run of a scheduled job, for the administrators' page and the engineer on call.</summary>
public sealed class JobRun
{
    public Guid Id { get; set; }
    public string JobKey { get; set; } = "";
    /// <summary>Hangfire's id for the firing. A firing taken over from a stopped node runs again under the same id,
    /// which is how the page tells what became of an unfinished run.</summary>
    public string? JobId { get; set; }
    public string Node { get; set; } = "";
    public DateTime StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    public bool Succeeded { get; set; }
    public string Result { get; set; } = "";
}

/// <summary>A job an administrator paused: off the schedule on every node until resumed.</summary>
public sealed class PausedJob
{
    public string JobKey { get; set; } = "";
    public string PausedBy { get; set; } = "";
    public DateTime PausedUtc { get; set; }
}
