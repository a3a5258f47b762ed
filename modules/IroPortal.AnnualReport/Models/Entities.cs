namespace IroPortal.AnnualReport.Models;

public enum ReportStatus { Draft, InReview, Approved }

/// <summary>One reporting year's annual report.</summary>
public sealed class Report
{
    public Guid Id { get; set; }
    public int YearStart { get; set; }
    public ReportStatus Status { get; set; }
    /// <summary>While in review, the IROs may read it too.</summary>
    public bool SharedWithIros { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ApprovedUtc { get; set; }
    public string? ApprovedByName { get; set; }
    /// <summary>The figures blocks' values at approval (JSON), so a later import cannot change an approved report.</summary>
    public string? FrozenFigures { get; set; }
    /// <summary>The number of the newest version; every save adds one. Also guards the report against two
    /// saves landing at once.</summary>
    public int CurrentVersion { get; set; }
    public List<ReportSection> Sections { get; set; } = [];
    public List<PriorityProgress> Progress { get; set; } = [];
}

public sealed class ReportSection
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    /// <summary>The standard outline's name for it ("summary"), or empty for one the manager added.</summary>
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
    public int Position { get; set; }
    public string Body { get; set; } = "";
    /// <summary>Goes up by one at every save of this section: the editor's guard against overwriting someone.</summary>
    public int Revision { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
}

/// <summary>Last year's priority, carried into this year's report, waiting for the manager's update.</summary>
public sealed class PriorityProgress
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public int Position { get; set; }
    public string Priority { get; set; } = "";
    public string Update { get; set; } = "";
    /// <summary>Set when it is one of the board's actions on last year's report rather than a listed priority.</summary>
    public Guid? BoardActionId { get; set; }
    /// <summary>For a board action: its state and its owners' updates, refreshed until the report is approved.</summary>
    public string Detail { get; set; } = "";
    public DateTime? UpdatedUtc { get; set; }
    public string? UpdatedByName { get; set; }
}

/// <summary>The whole report's text as it was after one save.</summary>
public sealed class ReportVersion
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public int Number { get; set; }
    public DateTime SavedUtc { get; set; }
    public string SavedByName { get; set; } = "";
    public string Change { get; set; } = "";
    /// <summary>JSON of <see cref="Services.ReportSnapshot"/>.</summary>
    public string Snapshot { get; set; } = "";
}

public sealed class SectionComment
{
    public Guid Id { get; set; }
    public Guid SectionId { get; set; }
    public Guid AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}
