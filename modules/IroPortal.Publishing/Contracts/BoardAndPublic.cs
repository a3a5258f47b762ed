namespace IroPortal.Publishing.Contracts;

// What other modules may use of publishing. They never read its tables.

/// <summary>The board's resolution on a year's report, as recorded after its meeting.</summary>
public sealed record BoardResolutionRecord(int YearStart, DateOnly MeetingDate, string Outcome, string OutcomeName, string Minute, DateTime RecordedUtc, string RecordedByName);

/// <summary>A section of the board version, to link to ("/board/{year}#{Anchor}").</summary>
public sealed record BoardSection(string Anchor, string Title);

public interface IBoardReports
{
    /// <summary>Years with a board version, newest first.</summary>
    Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default);

    /// <summary>The sections of the newest board version of the year's report; empty when none is published.</summary>
    Task<IReadOnlyList<BoardSection>> SectionsAsync(int yearStart, CancellationToken cancellationToken = default);

    Task<BoardResolutionRecord?> ResolutionAsync(int yearStart, CancellationToken cancellationToken = default);
}

/// <summary>A part another module adds to a year's public report page, after the report's own sections. It is live,
/// not part of the published release, so it says itself how current it is. <paramref name="Html"/> must be encoded.</summary>
public sealed record PublicAddition(string Anchor, string Title, string Html);

/// <summary>Registered (scoped) by a module that adds to the public report page, or to the children's summary.</summary>
public interface IPublicReportAddition
{
    /// <summary>Added to the children's summary (before "How to tell us"), not to the public report.</summary>
    bool ForChildren => false;

    Task<PublicAddition?> ForYearAsync(int yearStart, CancellationToken cancellationToken = default);

    /// <summary>Changes whenever what it adds changes: the public pages' cache entries vary by it.</summary>
    Task<string> StampAsync(CancellationToken cancellationToken = default);
}

/// <summary>Tells the public pages that an addition changed, so this node serves it at once (others within seconds).</summary>
public interface IPublicPages
{
    Task ChangedAsync(CancellationToken cancellationToken = default);
}

/// <summary>What the privacy guard found in a piece of text: what it looks like, the words, and where.</summary>
public sealed record PrivacyProblem(string Kind, string Text, string Where);

/// <summary>The privacy guard, for what another module puts on a public page: names not on the approved list,
/// contact details, identifiers, dates of birth and small counts of children, read from the HTML as published.</summary>
public interface IPublicPrivacyGuard
{
    /// <summary>The guard over HTML as it would be published: every text and every attribute a person or a program reads.</summary>
    Task<IReadOnlyList<PrivacyProblem>> CheckHtmlAsync(string where, string html, CancellationToken cancellationToken = default);
}
