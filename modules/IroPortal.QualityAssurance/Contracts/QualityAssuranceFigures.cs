namespace IroPortal.QualityAssurance.Contracts;

// What the annual report embeds from quality assurance. Plain values only: no entity or enum of this module.

/// <param name="Activity">The activity's full name, as in the national survey's table.</param>
/// <param name="NeverPercent">Share of IROs for whom it was never done in the year.</param>
/// <param name="RegularPercent">Share of IROs for whom it was done at least every two months.</param>
/// <param name="NationalNeverPercent">The national survey's figure (NCB 2013, managers), for comparison.</param>
public sealed record ActivityFigures(string Activity, int Iros, int NeverDone, int DoneRegularly, double NeverPercent, double RegularPercent,
    int TimesDone, double NationalNeverPercent, double NationalRegularPercent);

public sealed record GradeFigures(string Grade, int Observations, int Audits);

public sealed record FeedbackQuestionFigures(string Question, int Answers, double? AverageRating);

public sealed record FeedbackFigures(string RespondentType, int LinksSent, int Responses, IReadOnlyList<FeedbackQuestionFigures> Questions);

public sealed record QualityAssuranceYear(
    int YearStart,
    DateOnly From,
    DateOnly To,
    int Iros,
    IReadOnlyList<ActivityFigures> Activities,
    int IrosWithTwoOrMoreRegular,
    int IrosWithNoneRegular,
    IReadOnlyList<GradeFigures> Grades,
    IReadOnlyList<FeedbackFigures> Feedback);

public interface IQualityAssuranceFigures
{
    /// <summary>The service-wide figures for the reporting year that starts on 1 April of <paramref name="yearStart"/>;
    /// a year in progress runs to today.</summary>
    Task<QualityAssuranceYear> ForYearAsync(int yearStart, CancellationToken cancellationToken = default);
}
