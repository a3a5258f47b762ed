using System.Security.Cryptography;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.PersonalData;
using IroPortal.Performance.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Performance.Services;

/// <summary>The imported review data, found by a child's identifier through its keyed hash. Erasing a child's year
/// gives its rows a new random key: they no longer lead back to the child, and every figure counts them as before.</summary>
internal sealed class ReviewDataPersonalData(PortalDbContext db, ChildKeys keys) : IRetentionSource, IPersonalDataSource
{
    private const string Rows = "performance.review-rows", Staged = "performance.staged-uploads", Kind = "Imported review data";

    public string Name => "Review data";

    public IReadOnlyList<RetainedKind> Kinds { get; } =
    [
        new(Rows, "Imported review data", "Each child's episodes of care, reviews and IRO allocations from the SSDA903 return, under a keyed hash of the child's identifier, with the month of birth, sex, ethnic group (not the code) and UASC status.",
            "From the end of the reporting year the return covers", 2555, Disposal.Deleted,
            "the year's rows are deleted. Approved and published reports keep their figures; the trends lose that year."),
        new(Staged, "Uploaded returns waiting to be checked", "The files of a return as the council's system wrote them (children's identifiers and dates of birth included), between the upload and the import.",
            "From the upload (a return being imported is kept until its import ends)", 1, Disposal.Deleted,
            "the uploaded files are deleted; whoever uploaded them uploads them again to import."),
    ];

    public Task<int> CountPastAsync(string kind, DateTime cutoffUtc, CancellationToken cancellationToken = default) => kind switch
    {
        Rows => Past<CareChild>(cutoffUtc).CountAsync(cancellationToken),
        Staged => PastUploads(cutoffUtc).CountAsync(cancellationToken),
        _ => Task.FromResult(0),
    };

    // Uploads an import is still reading are kept whatever their age.
    private IQueryable<StagedUpload> PastUploads(DateTime cutoffUtc) =>
        db.Set<StagedUpload>().Where(u => u.CreatedUtc < cutoffUtc
            && !db.Set<ReturnImport>().Any(i => i.StagedUploadId == u.Id && (i.State == ImportState.Queued || i.State == ImportState.Running)));

    public async Task<int> DisposeAsync(string kind, DateTime cutoffUtc, CancellationToken cancellationToken = default)
    {
        if (kind == Staged)
        {
            // Their files go with them (cascade), as when a new upload clears the old ones.
            return await PastUploads(cutoffUtc).ExecuteDeleteAsync(cancellationToken);
        }
        if (kind != Rows) return 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Past<CareEpisode>(cutoffUtc).ExecuteDeleteAsync(cancellationToken);
        await Past<CareReview>(cutoffUtc).ExecuteDeleteAsync(cancellationToken);
        await Past<IroAllocation>(cutoffUtc).ExecuteDeleteAsync(cancellationToken);
        var children = await Past<CareChild>(cutoffUtc).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return children;
    }

    public async Task<IReadOnlyList<PersonalRecord>> FindAsync(PersonalDataQuery query, CancellationToken cancellationToken = default)
    {
        var key = keys.Of(query.Trimmed);
        var years = await db.Set<CareChild>().AsNoTracking().Where(c => c.ChildKey == key && c.YearStart > 0).OrderBy(c => c.YearStart).ToListAsync(cancellationToken);
        var found = new List<PersonalRecord>();
        foreach (var child in years)
        {
            var episodes = await db.Set<CareEpisode>().AsNoTracking().Where(e => e.YearStart == child.YearStart && e.ChildKey == key).OrderBy(e => e.Start).ToListAsync(cancellationToken);
            var reviews = await db.Set<CareReview>().AsNoTracking().Where(r => r.YearStart == child.YearStart && r.ChildKey == key).OrderBy(r => r.ReviewDate).ToListAsync(cancellationToken);
            var allocations = await db.Set<IroAllocation>().AsNoTracking().Where(a => a.YearStart == child.YearStart && a.ChildKey == key).OrderBy(a => a.From).ToListAsync(cancellationToken);
            found.Add(new(Kind, child.YearStart.ToString(System.Globalization.CultureInfo.InvariantCulture), $"The return for {ReportingYear.Name(child.YearStart)}", null,
            [
                new("Month of birth", child.BirthMonth.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))),
                new("Sex, ethnic group, UASC", $"{(child.Sex switch { "1" => "Male", "2" => "Female", _ => "Sex not recorded" })}; {(child.EthnicGroup.Length == 0 ? "ethnic group not recorded" : child.EthnicGroup)}; "
                    + (child.Uasc ? $"unaccompanied asylum-seeking{(child.UascCeased is { } ceased ? " until " + UkTime.Format(ceased) : "")}" : "not UASC")),
                new("Episodes of care", string.Join("\n", episodes.Select(e => $"{UkTime.Format(e.Start)} to {(e.End is { } end ? UkTime.Format(end) : "now")}: legal status {e.LegalStatus}, placement {e.Placement}{(e.PlacementDistance is { } miles ? $" ({miles.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} miles from home)" : "")}"))),
                new("Reviews", string.Join("\n", reviews.Select(r => $"{UkTime.Format(r.ReviewDate)}: {r.Code}"))),
                new("IROs", string.Join("\n", allocations.Select(a => $"{a.IroName}, from {UkTime.Format(a.From)}{(a.To is { } to ? " to " + UkTime.Format(to) : "")}"))),
            ], "The rows no longer lead back to the child (they get a new random key); the figures count them as before."));
        }
        return found;
    }

    public async Task<bool> EraseAsync(PersonalDataQuery query, string kind, string id, CancellationToken cancellationToken = default)
    {
        if (kind != Kind || !int.TryParse(id, out var year)) return false;
        var key = keys.Of(query.Trimmed);
        var unlinked = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var children = await db.Set<CareChild>().Where(c => c.YearStart == year && c.ChildKey == key).ExecuteUpdateAsync(u => u.SetProperty(c => c.ChildKey, unlinked), cancellationToken);
        await db.Set<CareEpisode>().Where(c => c.YearStart == year && c.ChildKey == key).ExecuteUpdateAsync(u => u.SetProperty(c => c.ChildKey, unlinked), cancellationToken);
        await db.Set<CareReview>().Where(c => c.YearStart == year && c.ChildKey == key).ExecuteUpdateAsync(u => u.SetProperty(c => c.ChildKey, unlinked), cancellationToken);
        await db.Set<IroAllocation>().Where(c => c.YearStart == year && c.ChildKey == key).ExecuteUpdateAsync(u => u.SetProperty(c => c.ChildKey, unlinked), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return children > 0;
    }

    /// <summary>Rows of reporting years that ended before the cut-off (never an import's shadow rows, which have negative years).</summary>
    private IQueryable<T> Past<T>(DateTime cutoffUtc) where T : class
    {
        var lastEnded = ReportingYear.Containing(UkTime.DateOf(cutoffUtc)) - 1;
        return db.Set<T>().Where(r => EF.Property<int>(r, "YearStart") > 0 && EF.Property<int>(r, "YearStart") <= lastEnded);
    }
}
