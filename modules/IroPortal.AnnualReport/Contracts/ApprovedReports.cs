using Microsoft.AspNetCore.Html;

namespace IroPortal.AnnualReport.Contracts;

/// <param name="Detail">For one of the board's actions, what became of it (state and owners' updates), as recorded
/// when the report was approved; empty for a listed priority.</param>
public sealed record CarriedPriority(string Priority, string Update, string Detail = "");

/// <param name="Anchor">The section's fragment id in every reading of the report ("section-…").</param>
/// <param name="Markdown">What the manager wrote; figures blocks are lines <c>{{figures:kind}}</c>.</param>
/// <param name="Progress">For "progress on last year's priorities", each carried priority and its update.</param>
public sealed record ApprovedSection(Guid Id, string Key, string Title, string Anchor, string Markdown, IReadOnlyList<string> FigureKinds, IReadOnlyList<CarriedPriority> Progress);

/// <summary>An approved annual report as it was approved: its sections in order and its frozen figures.</summary>
public sealed record ApprovedReport(int YearStart, int Version, DateTime ApprovedUtc, string ApprovedByName,
    IReadOnlyList<ApprovedSection> Sections, IReadOnlyDictionary<string, FigureTable> Figures);

/// <summary>What the annual report module offers publishing: approved reports, and their sections drawn as HTML.</summary>
public interface IApprovedReports
{
    /// <summary>The year's report if it is approved (a report reopened for a correction is not, until approved again).</summary>
    Task<ApprovedReport?> FindAsync(int yearStart, CancellationToken cancellationToken = default);

    /// <summary>The years whose report is approved now, newest first.</summary>
    Task<IReadOnlyList<int>> ApprovedYearsAsync(CancellationToken cancellationToken = default);

    /// <summary>A section as readers see it, with the figures given (publishing passes the public figures, with
    /// small numbers suppressed) and the section's Markdown as given (publishing may have suppressed table cells).</summary>
    IHtmlContent Render(ApprovedSection section, IReadOnlyDictionary<string, FigureTable> figures);

    /// <summary>The words in a section's Markdown, without its formatting: what the privacy guard reads.</summary>
    IReadOnlyList<string> PlainParagraphs(string markdown);

    /// <summary>Whether a figures block's numbers count children, so that the public version suppresses small ones.</summary>
    bool CountsChildren(string kind);
}
