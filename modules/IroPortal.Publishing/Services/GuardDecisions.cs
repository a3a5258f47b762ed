using IroPortal.Data;
using IroPortal.Publishing.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Publishing.Services;

/// <summary>The manager's decisions the privacy guard follows: which sections stay with the board, the approved
/// names, the shapes of case references, and the overrides of single findings, each with who made it and when.</summary>
public sealed class GuardDecisions(PortalDbContext db, TimeProvider clock)
{
    /// <summary>The latest version number published for each year and audience.</summary>
    public async Task<IReadOnlyList<(int Year, Audience Audience, int Number)>> LatestReleasesAsync() =>
        (await db.Set<Release>().AsNoTracking().GroupBy(r => new { r.YearStart, r.Audience })
            .Select(g => new { g.Key.YearStart, g.Key.Audience, Number = g.Max(r => r.Number) }).ToListAsync())
        .Select(r => (r.YearStart, r.Audience, r.Number)).ToList();

    public Task<bool> HasReleaseAsync(int year, Audience audience) =>
        db.Set<Release>().AnyAsync(r => r.YearStart == year && r.Audience == audience);

    /// <summary>Makes exactly <paramref name="sections"/> the board-only ones for the year.</summary>
    public async Task MarkBoardOnlyAsync(int year, IReadOnlySet<Guid> sections, string by)
    {
        var existing = await db.Set<BoardOnlySection>().Where(b => b.YearStart == year).ToListAsync();
        db.RemoveRange(existing.Where(b => !sections.Contains(b.SectionId)));
        foreach (var id in sections.Where(id => existing.All(b => b.SectionId != id)))
            db.Add(new BoardOnlySection { Id = Guid.CreateVersion7(), YearStart = year, SectionId = id, MarkedUtc = clock.GetUtcNow().UtcDateTime, MarkedByName = by });
        await db.SaveChangesAsync();
    }

    public async Task<IReadOnlyList<ApprovedName>> ApprovedNamesAsync() =>
        await db.Set<ApprovedName>().AsNoTracking().OrderBy(n => n.Name).ToListAsync();

    /// <summary>False when the name was approved already.</summary>
    public async Task<bool> ApproveNameAsync(string name, string by)
    {
        if (await db.Set<ApprovedName>().AnyAsync(n => n.Name == name)) return false;
        db.Add(new ApprovedName { Id = Guid.CreateVersion7(), Name = name, AddedUtc = clock.GetUtcNow().UtcDateTime, AddedByName = by });
        await SaveIgnoringDuplicateAsync();
        return true;
    }

    /// <summary>The name no longer approved, or null when there was none with that id.</summary>
    public async Task<ApprovedName?> RemoveNameAsync(Guid id)
    {
        if (await db.Set<ApprovedName>().FindAsync(id) is not { } name) return null;
        db.Remove(name);
        await db.SaveChangesAsync();
        return name;
    }

    public Task<GuardSettings?> SettingsAsync() => db.Set<GuardSettings>().AsNoTracking().SingleOrDefaultAsync();

    public async Task SaveCaseReferenceShapesAsync(IReadOnlyList<string> shapes, string by)
    {
        var settings = await db.Set<GuardSettings>().SingleOrDefaultAsync();
        if (settings is null) db.Add(settings = new GuardSettings());
        settings.CaseReferenceShapes = string.Join("\n", shapes);
        settings.ChangedUtc = clock.GetUtcNow().UtcDateTime;
        settings.ChangedByName = by;
        await SaveIgnoringDuplicateAsync();
    }

    /// <summary>Records that a finding may be published, with the reason; a finding already answered keeps its answer.</summary>
    public async Task OverrideAsync(int year, Audience audience, CheckedFinding finding, string because, string by)
    {
        if (finding.Override is not null) return;
        var text = finding.Finding.Text;
        db.Add(new GuardOverride
        {
            Id = Guid.CreateVersion7(), YearStart = year, Audience = audience, FindingKey = finding.Finding.Key, Kind = finding.Finding.Kind,
            Text = text.Length > 500 ? text[..500] : text, Reason = because, ByName = by, Utc = clock.GetUtcNow().UtcDateTime,
        });
        await SaveIgnoringDuplicateAsync();
    }

    /// <summary>The override withdrawn, or null when the year had none with that id.</summary>
    public async Task<GuardOverride?> WithdrawOverrideAsync(int year, Guid id)
    {
        if (await db.Set<GuardOverride>().SingleOrDefaultAsync(o => o.Id == id && o.YearStart == year) is not { } found) return null;
        db.Remove(found);
        await db.SaveChangesAsync();
        return found;
    }

    public Task<ChildrenSummary?> ChildrenSummaryAsync(int year) =>
        db.Set<ChildrenSummary>().AsNoTracking().SingleOrDefaultAsync(s => s.YearStart == year);

    private async Task SaveIgnoringDuplicateAsync()
    {
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); } // the same decision sent twice at once: one is enough
    }
}
