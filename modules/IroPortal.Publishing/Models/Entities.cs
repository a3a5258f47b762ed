namespace IroPortal.Publishing.Models;

/// <summary>Who a release is for. The board sees board-only parts; the public and children never do.</summary>
public enum Audience { Board = 0, Public = 1, Children = 2 }

/// <summary>One publication, frozen: its HTML, PDF and workbook are kept as they were published. A correction
/// is a new release with a higher number and a change note; older releases stay readable.</summary>
public sealed class Release
{
    public Guid Id { get; set; }
    public int YearStart { get; set; }
    public Audience Audience { get; set; }
    /// <summary>1 for the first release of this year to this audience, then 2, 3… for corrections.</summary>
    public int Number { get; set; }
    /// <summary>The board meeting it was published for (board releases).</summary>
    public DateOnly? MeetingDate { get; set; }
    public DateTime PublishedUtc { get; set; }
    public string PublishedByName { get; set; } = "";
    /// <summary>What changed since the previous release ("" for the first).</summary>
    public string ChangeNote { get; set; } = "";
    /// <summary>The annual report's version that was published.</summary>
    public int ReportVersion { get; set; }
    /// <summary>JSON list of <see cref="Services.ReleaseSection"/>: each section's anchor, title and HTML, as published.</summary>
    public string Sections { get; set; } = "[]";
    public byte[]? Pdf { get; set; }
    /// <summary>Why there is no PDF, in words for readers ("Chromium is not installed…").</summary>
    public string? PdfProblem { get; set; }
    public byte[]? Workbook { get; set; }
    /// <summary>Children's summary: the reason the manager gave for publishing above the reading grade.</summary>
    public string? ReadabilityReason { get; set; }
}

/// <summary>A section the manager has marked for the board only, as councils mark exempt items.</summary>
public sealed class BoardOnlySection
{
    public Guid Id { get; set; }
    public int YearStart { get; set; }
    public Guid SectionId { get; set; }
    public DateTime MarkedUtc { get; set; }
    public string MarkedByName { get; set; } = "";
}

/// <summary>A name the privacy guard may let through, kept for every year: a person (staff, board), approved as a
/// whole name only, so that a child who shares their first name is still found; or a word the manager approved
/// as nobody's name (a place, an organisation, "Commissioner"), with its possessive and plural forms.</summary>
public sealed class ApprovedName
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public bool IsPerson { get; set; }
    public DateTime AddedUtc { get; set; }
    public string AddedByName { get; set; } = "";
}

/// <summary>How the privacy guard knows the council's own identifiers. One row.</summary>
public sealed class GuardSettings
{
    public const int SingleId = 1;
    public int Id { get; set; } = SingleId;
    /// <summary>The shapes of the council's case references, one a line: "NM-#####" (# a digit, ? a letter).</summary>
    public string CaseReferenceShapes { get; set; } = "";
    public DateTime ChangedUtc { get; set; }
    public string ChangedByName { get; set; } = "";
}

/// <summary>A finding the manager judged a false positive, with the reason and who, for one year's release to one audience.</summary>
public sealed class GuardOverride
{
    public Guid Id { get; set; }
    public int YearStart { get; set; }
    public Audience Audience { get; set; }
    public string FindingKey { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Text { get; set; } = "";
    public string Reason { get; set; } = "";
    public string ByName { get; set; } = "";
    public DateTime Utc { get; set; }
}

/// <summary>A board member's question on a section of the board version, and the manager's answer.</summary>
public sealed class BoardQuestion
{
    public Guid Id { get; set; }
    public int YearStart { get; set; }
    public string SectionAnchor { get; set; } = "";
    public string SectionTitle { get; set; } = "";
    public Guid AskedById { get; set; }
    public string AskedByName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime AskedUtc { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredByName { get; set; }
    public DateTime? AnsweredUtc { get; set; }

    /// <summary>The manager's answer; answering again replaces it.</summary>
    public void Answered(string answer, string by, DateTime nowUtc)
    {
        Answer = answer;
        AnsweredByName = by;
        AnsweredUtc = nowUtc;
    }
}

/// <summary>The board's formal resolution on the year's report, as minuted.</summary>
public sealed class BoardResolution
{
    public Guid Id { get; set; }
    public int YearStart { get; set; }
    public DateOnly MeetingDate { get; set; }
    public string Outcome { get; set; } = "";
    public string Minute { get; set; } = "";
    public DateTime RecordedUtc { get; set; }
    public string RecordedByName { get; set; } = "";

    /// <summary>What the board resolved; recording again replaces it.</summary>
    public void Record(DateOnly meetingDate, string outcome, string minute, string by, DateTime nowUtc)
    {
        MeetingDate = meetingDate;
        Outcome = outcome;
        Minute = minute;
        RecordedUtc = nowUtc;
        RecordedByName = by;
    }
}

/// <summary>The child-friendly summary as the manager is writing it. Publishing freezes it into a release.</summary>
public sealed class ChildrenSummary
{
    public Guid Id { get; set; }
    public int YearStart { get; set; }
    public string WhatIsAnIro { get; set; } = "";
    public string WhatWeDid { get; set; } = "";
    public string WhatYouToldUs { get; set; } = "";
    public string WhatWeWillDo { get; set; } = "";
    public string HowToTellUs { get; set; } = "";
    /// <summary>Where children tell us what they think: the council's page or form for children.</summary>
    public string FeedbackLink { get; set; } = "";
    public DateTime UpdatedUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
}

/// <summary>The children's summary of one year in another language: the manager types each piece beside its
/// English. A person who reads the language confirms it (the privacy guard knows names only in the Latin
/// alphabet); any change undoes that confirmation. Publishing freezes it; English stands in for a missing piece.</summary>
public sealed class ChildrenSummaryTranslation
{
    public Guid Id { get; set; }
    public int YearStart { get; set; }
    /// <summary>As HTML's lang attribute takes it: "ar", "fa", "ku-Arab".</summary>
    public string Language { get; set; } = "";
    /// <summary>The language's name in itself ("العربية"), and in English ("Arabic").</summary>
    public string Name { get; set; } = "";
    public string EnglishName { get; set; } = "";
    /// <summary>JSON object: each piece's key (<see cref="Services.SummaryTranslations.Pieces"/>) and its words.</summary>
    public string Texts { get; set; } = "{}";
    public DateTime UpdatedUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
    /// <summary>Who read it against the English, as the manager recorded them ("Hassan, Language Line interpreter").</summary>
    public string? ReadBy { get; set; }
    public DateTime? CheckedUtc { get; set; }
    public string? CheckedByName { get; set; }
    /// <summary>JSON list of sections as published; null while not published (or withdrawn).</summary>
    public string? PublishedSections { get; set; }
    /// <summary>When it was last published or withdrawn: the public pages' cache varies by it.</summary>
    public DateTime? PublishedUtc { get; set; }
    public string? PublishedByName { get; set; }
    /// <summary>Moves at every change of the words: a confirmation is of the revision the reader read.</summary>
    public int Revision { get; set; }
}
