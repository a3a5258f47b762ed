namespace IroPortal.Disputes.Models;

public enum StageKind { Informal, Formal, Cafcass }

/// <summary>A stage of the council's process as the manager has set it: informal resolution first, the formal
/// stages in order, and a referral to Cafcass, which can come at any point.</summary>
public sealed class DisputeStage
{
    public Guid Id { get; set; }
    public StageKind Kind { get; set; }
    public int Position { get; set; }
    public string Name { get; set; } = "";
    /// <summary>How long the person it is raised with has to respond; null for Cafcass, whose timescale is not the council's.</summary>
    public int? WorkingDays { get; set; }
}

/// <summary>A concern an IRO raised about a child's plan: by case reference, never by name.</summary>
public sealed class Escalation
{
    public Guid Id { get; set; }
    public Guid IroId { get; set; }
    public string IroName { get; set; } = "";
    public string CaseReference { get; set; } = "";
    public string Category { get; set; } = "";
    public string Summary { get; set; } = "";
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    /// <summary>Closed without being resolved (the child's plan changed, the child left care), with why.</summary>
    public DateOnly? ClosedOn { get; set; }
    public string ClosedReason { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public int Revision { get; set; }
    public List<EscalationStep> Steps { get; set; } = [];
}

public enum StepOutcome { Waiting, Resolved, NotResolved }

/// <summary>One stage an escalation went through: raised with whom and when, the response due and received, the outcome.</summary>
public sealed class EscalationStep
{
    public Guid Id { get; set; }
    public Guid EscalationId { get; set; }
    public int Number { get; set; }
    public StageKind Kind { get; set; }
    /// <summary>The stage's name and position when it was raised: renaming a stage later does not rewrite history.</summary>
    public string StageName { get; set; } = "";
    public int StagePosition { get; set; }
    public string RaisedWith { get; set; } = "";
    public DateOnly RaisedOn { get; set; }
    public DateOnly? ResponseDue { get; set; }
    public DateOnly? RespondedOn { get; set; }
    public StepOutcome Outcome { get; set; }
    public string Note { get; set; } = "";
}
