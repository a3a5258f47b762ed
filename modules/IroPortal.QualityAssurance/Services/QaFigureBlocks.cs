using IroPortal.AnnualReport.Contracts;
using IroPortal.QualityAssurance.Contracts;
using static IroPortal.AnnualReport.Contracts.FigureText;

namespace IroPortal.QualityAssurance.Services;

/// <summary>The annual report's figures blocks from quality assurance: the seven activities, the grades, the feedback.</summary>
public sealed class QaFigureBlocks(IQualityAssuranceFigures qa) : IFigureSource
{
    public IReadOnlyList<FigureKind> Kinds { get; } =
    [
        new FigureKind("qa-compliance", "Quality assurance activities", "How often each of the seven QA activities was done, beside the national survey.", false),
        new FigureKind("qa-grades", "Observation and audit grades", "Grades given in observations and case-file audits.", false),
        new FigureKind("feedback", "Feedback received", "Feedback links sent and answered, by who was asked.", true),
    ];

    public async Task<IReadOnlyList<FigureTable>> BuildAsync(int yearStart, CancellationToken cancellationToken = default)
    {
        var quality = await qa.ForYearAsync(yearStart, cancellationToken);
        return
        [
            new FigureTable("qa-compliance", "Quality assurance activities", $"{quality.Iros} IROs. National figures: NCB survey of IRO managers, 2013.",
                ["Activity", "Times done", "Never done for", "Done regularly for", "National: never", "National: regularly"],
                quality.Activities.Select(a => (IReadOnlyList<string>)[a.Activity, N(a.TimesDone), Pct(a.NeverPercent), Pct(a.RegularPercent), Pct(a.NationalNeverPercent), Pct(a.NationalRegularPercent)]).ToList(),
                new("Share of IROs for whom each activity was done regularly", quality.Activities.Select(a => new FigureBar(a.Activity, Math.Round(a.RegularPercent, 1))).ToList(), "%", Max: 100)),
            new FigureTable("qa-grades", "Observation and audit grades", null, ["Grade", "Observations", "Audits"],
                quality.Grades.Select(g => (IReadOnlyList<string>)[g.Grade, N(g.Observations), N(g.Audits)]).ToList(),
                new("Observations and audits by grade", quality.Grades.Select(g => new FigureBar(g.Grade, g.Observations + g.Audits)).ToList())),
            new FigureTable("feedback", "Feedback received", "Links sent through the portal; responses include feedback received on paper or by email.",
                ["Who was asked", "Links sent", "Responses"],
                quality.Feedback.Select(f => (IReadOnlyList<string>)[f.RespondentType, N(f.LinksSent), N(f.Responses)]).ToList(),
                new("Feedback responses by who gave them", quality.Feedback.Select(f => new FigureBar(f.RespondentType, f.Responses)).ToList())),
        ];
    }
}
