namespace IroPortal.Performance.Models;

// Rows of an imported return, kept per reporting year: an import for a year replaces that year's rows.
// A child is never a name, nor the return's CHILD identifier: only its keyed hash (ChildKeys), which links the same
// child's rows within and across returns and cannot be turned back into the identifier without the council's key.
// Only what the figures use is kept: the month of birth, not the date, and each review's "aged 4 or over".

public sealed class CareChild
{
    public int YearStart { get; set; }
    public string ChildKey { get; set; } = "";
    /// <summary>The first day of the month of birth: enough for age at 31 March, which is all a profile needs.</summary>
    public DateOnly BirthMonth { get; set; }
    /// <summary>The return's SEX: "1" male, "2" female, "" not given.</summary>
    public string Sex { get; set; } = "";
    /// <summary>The ethnic group the return's ETHNIC code belongs to (<see cref="Services.ChildProfile.EthnicGroup"/>), not the code.</summary>
    public string EthnicGroup { get; set; } = "";
    /// <summary>In the return's UASC table: an unaccompanied asylum-seeking child, until <see cref="UascCeased"/> if it says.</summary>
    public bool Uasc { get; set; }
    public DateOnly? UascCeased { get; set; }
}

public sealed class CareEpisode
{
    public int YearStart { get; set; }
    public string ChildKey { get; set; } = "";
    public DateOnly Start { get; set; }
    public DateOnly? End { get; set; }
    public string ReasonNewEpisode { get; set; } = "";
    public string LegalStatus { get; set; } = "";
    public string Placement { get; set; } = "";
    public string ReasonEnded { get; set; } = "";
    /// <summary>Miles from home to the placement, when the return has PL_DISTANCE.</summary>
    public double? PlacementDistance { get; set; }
}

public sealed class CareReview
{
    public int YearStart { get; set; }
    public string ChildKey { get; set; } = "";
    public DateOnly ReviewDate { get; set; }
    public string Code { get; set; } = "";
    /// <summary>Worked out from the date of birth when the return was checked: participation is counted from age 4.</summary>
    public bool AgedFourOrOver { get; set; }
}

public sealed class IroAllocation
{
    public int YearStart { get; set; }
    public string ChildKey { get; set; } = "";
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public string IroName { get; set; } = "";
    /// <summary>The IRO's full-time equivalent, when the allocation list has an FTE column.</summary>
    public double? Fte { get; set; }
}

/// <summary>An IRO's working time from a date, kept for every change: the full-time equivalent they work, and the
/// part of it given to other duties (chairing child protection conferences, say). A row holds until the next.</summary>
public sealed class IroWorkingTime
{
    public const double MinFte = 0.1, MaxFte = 1.0;

    public Guid Id { get; set; }
    /// <summary>As the allocation list names the IRO.</summary>
    public string IroName { get; set; } = "";
    public DateOnly From { get; set; }
    public double Fte { get; set; }
    public double OtherDutiesFte { get; set; }
    public string OtherDuties { get; set; } = "";
    public DateTime RecordedUtc { get; set; }
    public string RecordedByName { get; set; } = "";

    /// <summary>The time left for the IRO's own children.</summary>
    public double IroFte => Math.Max(0, Fte - OtherDutiesFte);
}

/// <summary>Files uploaded and checked, waiting for the manager to confirm the import. Kept in the
/// database so any web node can finish the job.</summary>
public sealed class StagedUpload
{
    public Guid Id { get; set; }
    public int YearStart { get; set; }
    /// <summary>For an extract for part of the year: the last day it covers. Null for the annual return.</summary>
    public DateOnly? RunsTo { get; set; }
    public DateTime CreatedUtc { get; set; }
    public Guid CreatedById { get; set; }
    public string CreatedBy { get; set; } = "";
    public List<StagedFile> Files { get; set; } = [];
}

public sealed class StagedFile
{
    public Guid Id { get; set; }
    public Guid UploadId { get; set; }
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

public enum ImportState { Queued = 1, Running = 2, Completed = 3, Failed = 4 }

/// <summary>The history of imports: who, when, which files (names and hashes), what was imported.</summary>
public sealed class ReturnImport
{
    public Guid Id { get; set; }
    public int YearStart { get; set; }
    /// <summary>For an extract for part of the year (a quarter, a month): the last day it covers, so its figures are
    /// provisional until the annual return replaces them. Null for the annual return.</summary>
    public DateOnly? RunsTo { get; set; }
    public ImportState State { get; set; }
    public Guid? StagedUploadId { get; set; }
    public string ImportedBy { get; set; } = "";
    public DateTime StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    /// <summary>Updated while the import runs; a running import with an old heartbeat was interrupted.</summary>
    public DateTime HeartbeatUtc { get; set; }
    public string Files { get; set; } = "";
    public int Children { get; set; }
    public int Episodes { get; set; }
    public int Reviews { get; set; }
    public int Allocations { get; set; }
    public int Warnings { get; set; }
    public int RowsTotal { get; set; }
    public int RowsWritten { get; set; }
    public string Failure { get; set; } = "";
}

/// <summary>A return pushed through the API, by the client's idempotency key: a retried push finds the import it
/// already started instead of importing twice.</summary>
public sealed class ReturnPush
{
    public Guid Id { get; set; }
    public required string ClientId { get; set; }
    public required string IdempotencyKey { get; set; }
    /// <summary>SHA-256 of the year and every file, so the same key with different files is refused.</summary>
    public required string RequestSha256 { get; set; }
    /// <summary>Null only while the push is being checked, or if its node stopped before it queued the import.</summary>
    public Guid? ImportId { get; set; }
    public DateTime CreatedUtc { get; set; }
}
