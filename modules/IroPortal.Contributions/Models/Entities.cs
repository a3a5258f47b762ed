namespace IroPortal.Contributions.Models;

/// <summary>The manager's request to a set of IROs for their contributions to one reporting year's report.</summary>
public sealed class ContributionRound
{
    public Guid Id { get; set; }
    public int YearStart { get; set; }
    public DateOnly Deadline { get; set; }
    public string Guidance { get; set; } = "";
    public Guid OpenedById { get; set; }
    public string OpenedByName { get; set; } = "";
    public DateTime OpenedUtc { get; set; }
    public List<Contribution> Contributions { get; set; } = [];
}

public enum ContributionStatus { NotStarted, Draft, Submitted, Returned, Accepted }

/// <summary>One IRO's contribution in a round. The figures start from the imported review data where
/// there is some; the IRO may correct them, with a reason.</summary>
public sealed class Contribution
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public Guid IroId { get; set; }
    public string IroName { get; set; } = "";
    public ContributionStatus Status { get; set; }
    public int? PrefilledCaseload { get; set; }
    public int? PrefilledReviewsChaired { get; set; }
    public int? Caseload { get; set; }
    public int? ReviewsChaired { get; set; }
    public string FiguresChangeReason { get; set; } = "";
    public string GoodPractice { get; set; } = "";
    public string Themes { get; set; } = "";
    public string ConcernsRaised { get; set; } = "";
    public string ChildrenVoices { get; set; } = "";
    public string TrainingReceived { get; set; } = "";
    public string TrainingNeeded { get; set; } = "";
    public string Improvements { get; set; } = "";
    /// <summary>The manager's comments when returning it, kept for the IRO to act on.</summary>
    public string ManagerComments { get; set; } = "";
    public DateTime? SubmittedUtc { get; set; }
    public DateTime? ReturnedUtc { get; set; }
    public DateTime? AcceptedUtc { get; set; }
    public string? AcceptedByName { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public Guid Version { get; set; }

    public bool IroCanEdit => Status is ContributionStatus.NotStarted or ContributionStatus.Draft or ContributionStatus.Returned;
}
