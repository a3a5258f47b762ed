using System.Globalization;
using IroPortal.Disputes.Models;
using IroPortal.Modularity;

namespace IroPortal.Disputes.Services;

public enum EscalationState { Waiting, DueToday, Late, NextStepNeeded, Resolved, Closed }

/// <summary>The rules of the dispute resolution record, without the database: states, timescales and what counts
/// as resolved within timescale (Handbook 6.1-6.3: informal first, then formal stages that may be skipped, total
/// no more than 20 working days by default, and Cafcass at any point).</summary>
public static class DisputeRules
{
    public const int HandbookTotalWorkingDays = 20;

    public static readonly IReadOnlyList<(string Key, string Name)> Categories =
    [
        ("care-plan", "Content of the care plan"),
        ("drift", "Drift or delay"),
        ("placement", "Placement"),
        ("legal-status", "Legal status"),
        ("contact", "Contact"),
        ("resources", "Resources"),
        ("education", "Education"),
        ("health", "Health"),
        ("other-agencies", "Other agencies"),
        ("other", "Other"),
    ];

    public static string CategoryName(string key) => Categories.FirstOrDefault(c => c.Key == key).Name ?? key;

    /// <summary>Where an escalation may go next: any later formal stage (skipping is allowed), or Cafcass at any point.</summary>
    public static IReadOnlyList<DisputeStage> NextStages(Escalation escalation, IReadOnlyList<DisputeStage> stages)
    {
        var current = Current(escalation);
        var referred = escalation.Steps.Any(s => s.Kind == StageKind.Cafcass);
        return stages.Where(s => s.Kind == StageKind.Formal && s.Position > current.StagePosition && current.Kind != StageKind.Cafcass
            || s.Kind == StageKind.Cafcass && !referred).OrderBy(s => s.Position).ToList();
    }

    public static EscalationStep Current(Escalation escalation) => escalation.Steps.MaxBy(s => s.Number)!;

    public static DateOnly? ResponseDue(DisputeStage stage, DateOnly raisedOn, WorkingDays workingDays) =>
        stage.WorkingDays is { } days ? workingDays.Add(raisedOn, days) : null;

    public static EscalationState StateOf(Escalation escalation, DateOnly today)
    {
        if (escalation.ResolvedOn is not null) return EscalationState.Resolved;
        if (escalation.ClosedOn is not null) return EscalationState.Closed;
        var current = Current(escalation);
        if (current.Outcome == StepOutcome.NotResolved) return EscalationState.NextStepNeeded;
        if (current.ResponseDue is { } due && today > due) return EscalationState.Late;
        if (current.ResponseDue == today) return EscalationState.DueToday;
        return EscalationState.Waiting;
    }

    public static string Name(EscalationState state) => state switch
    {
        EscalationState.Waiting => "Waiting for a response",
        EscalationState.DueToday => "Response due today",
        EscalationState.Late => "Response late",
        EscalationState.NextStepNeeded => "Not resolved: next step needed",
        EscalationState.Resolved => "Resolved",
        _ => "Closed unresolved",
    };

    public static string Tag(EscalationState state) => state switch
    {
        EscalationState.Late => "govuk-tag--red",
        EscalationState.DueToday or EscalationState.NextStepNeeded => "govuk-tag--orange",
        EscalationState.Resolved => "govuk-tag--green",
        EscalationState.Closed => "govuk-tag--grey",
        _ => "govuk-tag--blue",
    };

    /// <summary>When a stage ended: its response, or the next stage raised without one, or the escalation's end.</summary>
    public static DateOnly? EndOf(Escalation escalation, EscalationStep step) =>
        step.RespondedOn ?? escalation.Steps.FirstOrDefault(s => s.Number == step.Number + 1)?.RaisedOn ?? escalation.ResolvedOn ?? escalation.ClosedOn;

    /// <summary>A stage kept to its timescale if it ended by its response due date (Cafcass has none of the council's).</summary>
    public static bool StepOnTime(Escalation escalation, EscalationStep step) =>
        step.ResponseDue is not { } due || EndOf(escalation, step) is { } end && end <= due;

    /// <summary>Resolved, and every stage it went through kept to its timescale.</summary>
    public static bool ResolvedWithinTimescale(Escalation escalation) =>
        escalation.ResolvedOn is not null && escalation.Steps.All(s => StepOnTime(escalation, s));

    public static int? WorkingDaysToResolution(Escalation escalation, WorkingDays workingDays) =>
        escalation.ResolvedOn is { } resolved ? workingDays.Between(escalation.OpenedOn, resolved) : null;

    /// <summary>The furthest of the council's stages it reached (a Cafcass referral is counted on its own).</summary>
    public static EscalationStep StageReached(Escalation escalation) =>
        escalation.Steps.Where(s => s.Kind != StageKind.Cafcass).MaxBy(s => s.StagePosition) ?? Current(escalation);

    /// <summary>The council's formal stages' timescales added up, which the Handbook expects to be no more than 20 working days.</summary>
    public static int FormalTotal(IReadOnlyList<DisputeStage> stages) => stages.Where(s => s.Kind == StageKind.Formal).Sum(s => s.WorkingDays ?? 0);


    public static string Days(double days) => days.ToString("0.#", CultureInfo.GetCultureInfo("en-GB")) + (days == 1 ? " working day" : " working days");
}
