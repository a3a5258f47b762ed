using IroPortal.Disputes.Models;
using IroPortal.Disputes.Services;
using IroPortal.Modularity;

namespace IroPortal.Disputes.Tests;

public sealed class DisputeRulesTests
{
    private static readonly WorkingDays England = WorkingDays.EnglandAndWales();
    private static readonly DisputeStage Informal = new() { Id = Guid.NewGuid(), Kind = StageKind.Informal, Position = 0, Name = "Informal", WorkingDays = 5 };
    private static readonly DisputeStage Stage1 = new() { Id = Guid.NewGuid(), Kind = StageKind.Formal, Position = 1, Name = "Stage 1", WorkingDays = 5 };
    private static readonly DisputeStage Stage2 = new() { Id = Guid.NewGuid(), Kind = StageKind.Formal, Position = 2, Name = "Stage 2", WorkingDays = 5 };
    private static readonly DisputeStage Stage3 = new() { Id = Guid.NewGuid(), Kind = StageKind.Formal, Position = 3, Name = "Stage 3", WorkingDays = 10 };
    private static readonly DisputeStage Cafcass = new() { Id = Guid.NewGuid(), Kind = StageKind.Cafcass, Position = 1000, Name = "Cafcass" };
    private static readonly IReadOnlyList<DisputeStage> Stages = [Informal, Stage1, Stage2, Stage3, Cafcass];

    [Theory]
    [InlineData("2026-11-16", 5, "2026-11-23")] // Monday + 5: the next Monday
    [InlineData("2026-11-20", 1, "2026-11-23")] // Friday + 1: over the weekend
    [InlineData("2026-12-24", 5, "2027-01-05")] // Christmas, the Boxing Day substitute (28th) and New Year's Day do not count
    [InlineData("2026-04-02", 3, "2026-04-09")] // Good Friday and Easter Monday 2026 do not count
    public void A_response_is_due_a_number_of_working_days_after_it_was_raised(string raised, int days, string due)
    {
        var stage = new DisputeStage { Kind = StageKind.Formal, WorkingDays = days };
        Assert.Equal(DateOnly.Parse(due), DisputeRules.ResponseDue(stage, DateOnly.Parse(raised), England));
        Assert.Equal(days, England.Between(DateOnly.Parse(raised), DateOnly.Parse(due)));
    }

    [Fact]
    public void Cafcass_has_no_council_timescale_so_is_never_late()
    {
        Assert.Null(DisputeRules.ResponseDue(Cafcass, new DateOnly(2026, 1, 5), England));
        var escalation = Escalation(Step(1, Cafcass, "2026-01-05"));
        Assert.Equal(EscalationState.Waiting, DisputeRules.StateOf(escalation, new DateOnly(2027, 1, 5)));
    }

    [Fact]
    public void A_response_is_due_today_on_the_due_date_and_late_from_the_next_day_until_it_comes()
    {
        var escalation = Escalation(Step(1, Stage1, "2026-11-16")); // due Monday 23 November
        Assert.Equal(EscalationState.Waiting, DisputeRules.StateOf(escalation, new DateOnly(2026, 11, 20)));
        Assert.Equal(EscalationState.DueToday, DisputeRules.StateOf(escalation, new DateOnly(2026, 11, 23)));
        Assert.Equal(EscalationState.Late, DisputeRules.StateOf(escalation, new DateOnly(2026, 11, 24)));

        escalation.Steps[0].RespondedOn = new DateOnly(2026, 11, 25);
        escalation.Steps[0].Outcome = StepOutcome.NotResolved;
        Assert.Equal(EscalationState.NextStepNeeded, DisputeRules.StateOf(escalation, new DateOnly(2026, 11, 26)));
        Assert.False(DisputeRules.StepOnTime(escalation, escalation.Steps[0]));
    }

    [Fact]
    public void Stages_may_be_skipped_but_never_gone_back_to_and_Cafcass_can_come_at_any_point_once()
    {
        var escalation = Escalation(Step(1, Informal, "2026-11-02"));
        Assert.Equal([Stage1, Stage2, Stage3, Cafcass], DisputeRules.NextStages(escalation, Stages));
        escalation.Steps.Add(Step(2, Stage2, "2026-11-09"));
        Assert.Equal([Stage3, Cafcass], DisputeRules.NextStages(escalation, Stages));
        escalation.Steps.Add(Step(3, Cafcass, "2026-11-10"));
        Assert.Empty(DisputeRules.NextStages(escalation, Stages));
        Assert.Equal("Stage 2", DisputeRules.StageReached(escalation).StageName);
    }

    [Fact]
    public void Resolved_within_timescale_only_when_every_stage_ended_by_its_due_date()
    {
        // Informal, answered "not resolved" on day 5; stage 2 raised and resolved within its 5 days.
        var onTime = Escalation(Step(1, Informal, "2026-11-02", responded: "2026-11-09", StepOutcome.NotResolved), Step(2, Stage2, "2026-11-10", responded: "2026-11-16", StepOutcome.Resolved));
        onTime.ResolvedOn = new DateOnly(2026, 11, 16);
        Assert.True(DisputeRules.ResolvedWithinTimescale(onTime));
        Assert.Equal(10, DisputeRules.WorkingDaysToResolution(onTime, England));

        // The informal stage got no answer and was escalated after its due date: the whole is outside timescale.
        var late = Escalation(Step(1, Informal, "2026-11-02"), Step(2, Stage1, "2026-11-12", responded: "2026-11-13", StepOutcome.Resolved));
        late.ResolvedOn = new DateOnly(2026, 11, 13);
        Assert.False(DisputeRules.StepOnTime(late, late.Steps[0]));
        Assert.False(DisputeRules.ResolvedWithinTimescale(late));
    }

    [Theory]
    [InlineData("NM-204417", null)]
    [InlineData("2024/1187", null)]
    [InlineData("", "Enter the child's case reference")]
    [InlineData("Jordan", "A case reference has at least one digit: enter the reference, never the child's name")]
    [InlineData("Jordan Smith 1", "A case reference has only letters, digits, - and /, with no spaces: never the child's name")]
    public void A_case_reference_is_never_a_name(string reference, string? problem) =>
        Assert.Equal(problem, CaseReference.Problem(reference));

    private static Escalation Escalation(params EscalationStep[] steps)
    {
        var escalation = new Escalation { OpenedOn = steps[0].RaisedOn };
        escalation.Steps.AddRange(steps);
        return escalation;
    }

    private static EscalationStep Step(int number, DisputeStage stage, string raised, string? responded = null, StepOutcome outcome = StepOutcome.Waiting) => new()
    {
        Number = number, Kind = stage.Kind, StageName = stage.Name, StagePosition = stage.Position, RaisedOn = DateOnly.Parse(raised),
        ResponseDue = DisputeRules.ResponseDue(stage, DateOnly.Parse(raised), England), RespondedOn = responded is null ? null : DateOnly.Parse(responded), Outcome = outcome,
    };
}
