namespace IroPortal.AnnualReport.Contracts;

public sealed record CarriedActionUpdate(DateTime PostedUtc, string ByName, string Text);

/// <summary>An action the board agreed on a year's report, as the next year's report shows it.</summary>
/// <param name="State">Its state in words: "Done on 3 March 2026", "Open, due 30 June 2026", "Overdue since ...".</param>
public sealed record CarriedAction(Guid Id, string What, string OwnerName, DateOnly Due, string State, string? SectionTitle, IReadOnlyList<CarriedActionUpdate> Updates);

/// <summary>The board's actions on a report, for the next year's "progress on last year's priorities".
/// Optional: without a module that records them, only the listed priorities are carried over.</summary>
public interface ICarriedActions
{
    /// <summary>The actions the board agreed on the report for the year starting in <paramref name="yearStart"/>, in order.</summary>
    Task<IReadOnlyList<CarriedAction>> OnReportAsync(int yearStart, CancellationToken cancellationToken = default);
}
