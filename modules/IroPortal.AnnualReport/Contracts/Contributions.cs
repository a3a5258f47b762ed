namespace IroPortal.AnnualReport.Contracts;

// What the annual report reads of the IROs' contributions, which the Contributions module offers. Plain values only.

public sealed record ContributionAnswer(string Question, string Text);

public sealed record AcceptedContribution(Guid Id, string IroName, DateTime AcceptedUtc, int? Caseload, int? ReviewsChaired, IReadOnlyList<ContributionAnswer> Answers);

public interface IContributionSource
{
    /// <summary>The contributions accepted for the reporting year that starts in <paramref name="yearStart"/>, by IRO.</summary>
    Task<IReadOnlyList<AcceptedContribution>> AcceptedAsync(int yearStart, CancellationToken cancellationToken = default);
}
