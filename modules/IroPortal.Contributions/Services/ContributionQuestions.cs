using IroPortal.Contributions.Models;

namespace IroPortal.Contributions.Services;

/// <summary>The written parts of a contribution, in the order the form asks them: one list for the form,
/// the pages that show a contribution, and what the annual report quotes.</summary>
public sealed record ContributionQuestion(string Field, string Heading, string Hint, Func<Contribution, string> Read, Action<Contribution, string> Write);

public static class ContributionQuestions
{
    public const int MaxLength = 8000;

    public static readonly IReadOnlyList<ContributionQuestion> All =
    [
        new(nameof(Contribution.GoodPractice), "Good practice from your reviews",
            "What went well for children this year: reviews, plans, people and services you saw make a difference.",
            c => c.GoodPractice, (c, v) => c.GoodPractice = v),
        new(nameof(Contribution.Themes), "Themes you see",
            "What keeps coming up across your caseload, good and bad.",
            c => c.Themes, (c, v) => c.Themes = v),
        new(nameof(Contribution.ConcernsRaised), "Concerns and challenges you raised",
            "Drift, delay or poor planning you challenged, informally or formally, and what happened. Use case references, never names.",
            c => c.ConcernsRaised, (c, v) => c.ConcernsRaised = v),
        new(nameof(Contribution.ChildrenVoices), "Children's voices",
            "What children told you about their care and their reviews, in their words. Leave out anything that could identify a child: names, dates of birth, schools, places, case numbers.",
            c => c.ChildrenVoices, (c, v) => c.ChildrenVoices = v),
        new(nameof(Contribution.TrainingReceived), "Training you received",
            "Courses, supervision and learning this year.",
            c => c.TrainingReceived, (c, v) => c.TrainingReceived = v),
        new(nameof(Contribution.TrainingNeeded), "Training you need",
            "What would help you do the job better next year.",
            c => c.TrainingNeeded, (c, v) => c.TrainingNeeded = v),
        new(nameof(Contribution.Improvements), "What would improve the service",
            "Changes to practice, process or resources you would make.",
            c => c.Improvements, (c, v) => c.Improvements = v),
    ];

    public static string StatusText(ContributionStatus status) => status switch
    {
        ContributionStatus.NotStarted => "Not started",
        ContributionStatus.Draft => "Draft",
        ContributionStatus.Submitted => "Submitted",
        ContributionStatus.Returned => "Returned",
        ContributionStatus.Accepted => "Accepted",
        _ => status.ToString(),
    };

    public static string StatusTag(ContributionStatus status) => status switch
    {
        ContributionStatus.NotStarted => "govuk-tag--grey",
        ContributionStatus.Draft => "govuk-tag--blue",
        ContributionStatus.Submitted => "govuk-tag--yellow",
        ContributionStatus.Returned => "govuk-tag--red",
        ContributionStatus.Accepted => "govuk-tag--green",
        _ => "",
    };
}
