namespace IroPortal.AnnualReport.Contracts;

public sealed record FigureBar(string Label, double Value);

public sealed record FigureChart(string Description, IReadOnlyList<FigureBar> Bars, string Unit = "", double? Max = null, double? BandFrom = null, double? BandTo = null, string? BandLabel = null);

/// <summary>One figures block's values: a table, and a chart of the same numbers. Plain data, so it can be
/// frozen into an approved report as JSON and exported to Word and Excel.</summary>
public sealed record FigureTable(string Kind, string Title, string? Note, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, FigureChart? Chart);
