namespace IroPortal.DataProtection.Models;

/// <summary>The administrator's period for one kind of record; a kind without a row keeps its documented default.</summary>
public sealed class RetentionPeriod
{
    public string Kind { get; set; } = "";
    public int Days { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTime ChangedUtc { get; set; }
}

/// <summary>One row. Every change to the periods makes a new version; the disposal job runs only once the
/// administrator has seen what the current version would remove and confirmed it.</summary>
public sealed class RetentionPolicy
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int ConfirmedVersion { get; set; }
    public string ConfirmedBy { get; set; } = "";
    public DateTime? ConfirmedUtc { get; set; }
}

/// <summary>A run of the disposal job: when, who (or the schedule), how many records of each kind went.</summary>
public sealed class DisposalRun
{
    public Guid Id { get; set; }
    public DateTime StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    public string RunBy { get; set; } = "";
    public int PolicyVersion { get; set; }
    /// <summary>One line per kind: "qa.feedback-answers 12".</summary>
    public string Counts { get; set; } = "";
    public int Total { get; set; }
    public string Failure { get; set; } = "";
}

/// <summary>The council's own words for a notice or statement; without a row the portal's default is shown.</summary>
public sealed class Statement
{
    public string Key { get; set; } = "";
    public string Text { get; set; } = "";
    public string ChangedBy { get; set; } = "";
    public DateTime ChangedUtc { get; set; }
}
