namespace IroPortal.AnnualReport.Contracts;

public sealed record FigureBar(string Label, double Value);

public sealed record FigureChart(string Description, IReadOnlyList<FigureBar> Bars, string Unit = "", double? Max = null, double? BandFrom = null, double? BandTo = null, string? BandLabel = null);

/// <summary>One figures block's values: a table, and a chart of the same numbers. Plain data, so it can be
/// frozen into an approved report as JSON and exported to Word and Excel.</summary>
/// <param name="PartsOfAWhole">Its rows divide a total published elsewhere (the children by age): one hidden small count
/// would be given away by the others, so the public version hides one more.</param>
public sealed record FigureTable(string Kind, string Title, string? Note, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, FigureChart? Chart,
    bool PartsOfAWhole = false);

/// <summary>A figures block a manager can insert with <c>{{figures:kind}}</c>.</summary>
/// <param name="CountsChildren">Its numbers count children or their cases: in the public version counts of 1 to 4 become "fewer than 5".</param>
/// <param name="Section">The standard outline's section (its key) whose starting text includes the block.</param>
public sealed record FigureKind(string Kind, string Name, string Description, bool CountsChildren, string? Section = null);

/// <summary>Another module's figures blocks for the annual report (the dispute resolution record's, say).
/// Registered as a scoped service; the report lists its kinds beside its own and freezes its values at approval.</summary>
public interface IFigureSource
{
    IReadOnlyList<FigureKind> Kinds { get; }

    /// <summary>Each of <see cref="Kinds"/> for the reporting year starting in April of <paramref name="yearStart"/>.</summary>
    Task<IReadOnlyList<FigureTable>> BuildAsync(int yearStart, CancellationToken cancellationToken = default);
}

/// <summary>Numbers as the report writes them, so every module's blocks read alike.</summary>
public static class FigureText
{
    public static readonly System.Globalization.CultureInfo Uk = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    public static string N(int value) => value.ToString("N0", Uk);

    public static string Pct(double value) => value.ToString("0.#", Uk) + "%";
}
