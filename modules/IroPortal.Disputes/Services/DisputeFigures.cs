using System.Globalization;
using IroPortal.AnnualReport.Contracts;
using IroPortal.Disputes.Models;
using IroPortal.Modularity;

namespace IroPortal.Disputes.Services;

public sealed record CategoryRow(string Category, int Raised, int Resolved, int Open);
public sealed record StageRow(string Stage, int Reached, int ResolvedThere);

/// <summary>A year's escalations in figures: the manager's dashboard and the annual report's figures blocks use the same.</summary>
public sealed record DisputeStatistics(int Raised, int Open, int Late, int Resolved, int ResolvedWithinTimescale, int ClosedUnresolved,
    double? MedianWorkingDays, int? LongestWorkingDays, int CafcassReferrals, IReadOnlyList<CategoryRow> Categories, IReadOnlyList<StageRow> Stages)
{
    public double? WithinTimescalePercent => Resolved == 0 ? null : 100.0 * ResolvedWithinTimescale / Resolved;

    public static DisputeStatistics Of(IReadOnlyList<Escalation> escalations, IReadOnlyList<DisputeStage> stages, DateOnly today, WorkingDays workingDays)
    {
        var resolved = escalations.Where(e => e.ResolvedOn is not null).ToList();
        var days = resolved.Select(e => DisputeRules.WorkingDaysToResolution(e, workingDays)!.Value).Order().ToList();
        double? median = days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2.0;
        var categories = DisputeRules.Categories.Select(c =>
        {
            var mine = escalations.Where(e => e.Category == c.Key).ToList();
            return new CategoryRow(c.Name, mine.Count, mine.Count(e => e.ResolvedOn is not null), mine.Count(e => e.ResolvedOn is null && e.ClosedOn is null));
        }).Where(r => r.Raised > 0).ToList();
        // Stages by the name they were raised under, in the council's current order, then any since renamed or removed.
        var reached = escalations.Select(e => (Escalation: e, Step: DisputeRules.StageReached(e))).ToList();
        var names = stages.Where(s => s.Kind != StageKind.Cafcass).Select(s => s.Name)
            .Concat(reached.OrderBy(r => r.Step.StagePosition).Select(r => r.Step.StageName)).Distinct().ToList();
        var stageRows = names.Select(name => new StageRow(name, reached.Count(r => r.Step.StageName == name),
            reached.Count(r => r.Step.StageName == name && r.Escalation.ResolvedOn is not null && DisputeRules.Current(r.Escalation).Kind != StageKind.Cafcass)))
            .Where(r => r.Reached > 0).ToList();
        return new(escalations.Count, escalations.Count(e => e.ResolvedOn is null && e.ClosedOn is null),
            escalations.Count(e => DisputeRules.StateOf(e, today) == EscalationState.Late), resolved.Count,
            resolved.Count(DisputeRules.ResolvedWithinTimescale), escalations.Count(e => e.ClosedOn is not null && e.ResolvedOn is null),
            median, days.Count == 0 ? null : days[^1], escalations.Count(e => e.Steps.Any(s => s.Kind == StageKind.Cafcass)), categories, stageRows);
    }
}

/// <summary>The dispute resolution record's figures blocks for the annual report's "Dispute resolution and escalations".
/// Every count is of children's cases, so the public version shows counts of 1 to 4 as "fewer than 5"; days and
/// percentages are written with their unit so they are never taken for counts.</summary>
public sealed class DisputeFigures(DisputeService disputes) : IFigureSource
{
    private const string Section = "disputes";
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public IReadOnlyList<FigureKind> Kinds =>
    [
        new("disputes-stages", "Escalations by stage reached", "How far the IROs' escalations went: informal, each formal stage, and Cafcass referrals.", true, Section),
        new("disputes-categories", "Escalations by category", "What the IROs' concerns were about, raised and resolved.", true, Section),
        new("disputes-times", "Resolution times", "Escalations resolved, how long they took in working days and the share within timescale.", true, Section),
    ];

    public async Task<IReadOnlyList<FigureTable>> BuildAsync(int yearStart, CancellationToken cancellationToken = default)
    {
        var stats = DisputeStatistics.Of(await disputes.ListAsync(yearStart: yearStart), await disputes.StagesAsync(), disputes.Today, disputes.WorkingDays);
        var none = stats.Raised == 0 ? "No escalations were recorded for this year." : null;
        string N(int value) => value.ToString("N0", Uk);
        return
        [
            new("disputes-stages", "Escalations by the furthest stage reached", none, ["Stage reached", "Escalations", "Resolved at that stage"],
                stats.Stages.Select(s => (IReadOnlyList<string>)[s.Stage, N(s.Reached), N(s.ResolvedThere)])
                    .Append(["Referred to Cafcass (at any stage)", N(stats.CafcassReferrals), ""]).Where(_ => stats.Raised > 0).ToList(),
                new("Escalations by the furthest stage they reached", stats.Stages.Select(s => new FigureBar(s.Stage, s.Reached)).ToList())),
            new("disputes-categories", "Escalations by category", none, ["Category", "Raised", "Resolved", "Still open"],
                stats.Categories.Select(c => (IReadOnlyList<string>)[c.Category, N(c.Raised), N(c.Resolved), N(c.Open)]).ToList(),
                new("Escalations raised by category", stats.Categories.Select(c => new FigureBar(c.Category, c.Raised)).ToList())),
            new("disputes-times", "Resolution times", none, ["Measure", "Value"],
                stats.Raised == 0 ? [] :
                [
                    ["Escalations raised", N(stats.Raised)],
                    ["Resolved", N(stats.Resolved)],
                    ["Resolved within timescale", stats.WithinTimescalePercent is { } p ? p.ToString("0", Uk) + "%" : "None resolved"],
                    ["Median time to resolution", stats.MedianWorkingDays is { } m ? DisputeRules.Days(m) : "None resolved"],
                    ["Longest time to resolution", stats.LongestWorkingDays is { } l ? DisputeRules.Days(l) : "None resolved"],
                    ["Closed without being resolved", N(stats.ClosedUnresolved)],
                    ["Referred to Cafcass", N(stats.CafcassReferrals)],
                ], null),
        ];
    }
}
