using IroPortal.Data;
using IroPortal.Publishing.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Publishing.Services;

public sealed record ReleaseVersion(Guid Id, int Number, DateTime PublishedUtc, string ChangeNote);
public sealed record PublishedYear(int YearStart, int Number, DateTime FirstPublishedUtc, DateTime PublishedUtc, bool HasPdf, bool HasChildren);
public sealed record PublishedFile(int Number, byte[]? Content, string? Problem);
public sealed record PublishedTranslation(string Language, string Name, string EnglishName, string? Sections, DateTime PublishedUtc);
public sealed record FeedEntry(Guid Id, int YearStart, Audience Audience, int Number, DateTime PublishedUtc, string ChangeNote);

/// <summary>What the public and children may read: public and children's releases only, never the board's, each
/// read with only the columns its page needs.</summary>
public sealed class PublishedReleases(PortalDbContext db)
{
    /// <summary>Every year with a public report, newest first, with its current version.</summary>
    public async Task<IReadOnlyList<PublishedYear>> YearsAsync()
    {
        var rows = await db.Set<Release>().AsNoTracking().Where(r => r.Audience != Audience.Board)
            .Select(r => new { r.YearStart, r.Audience, r.Number, r.PublishedUtc, HasPdf = r.Pdf != null }).ToListAsync();
        return rows.Where(r => r.Audience == Audience.Public).GroupBy(r => r.YearStart).Select(g =>
        {
            var current = g.MaxBy(r => r.Number)!;
            return new PublishedYear(g.Key, current.Number, g.Min(r => r.PublishedUtc), current.PublishedUtc, current.HasPdf,
                rows.Any(r => r.YearStart == g.Key && r.Audience == Audience.Children));
        }).OrderByDescending(y => y.YearStart).ToList();
    }

    /// <summary>The year's public versions, newest first.</summary>
    public async Task<IReadOnlyList<ReleaseVersion>> VersionsAsync(int year) =>
        await db.Set<Release>().AsNoTracking().Where(r => r.YearStart == year && r.Audience == Audience.Public).OrderByDescending(r => r.Number)
            .Select(r => new ReleaseVersion(r.Id, r.Number, r.PublishedUtc, r.ChangeNote)).ToListAsync();

    /// <summary>A public version's sections, whether it has a PDF, and whether the year has a children's summary.</summary>
    public async Task<(string Sections, bool HasPdf, bool HasChildren)> ReportAsync(Guid releaseId, int year)
    {
        var full = await db.Set<Release>().AsNoTracking().Where(r => r.Id == releaseId && r.Audience == Audience.Public)
            .Select(r => new { r.Sections, HasPdf = r.Pdf != null, HasChildren = db.Set<Release>().Any(c => c.YearStart == year && c.Audience == Audience.Children) }).SingleAsync();
        return (full.Sections, full.HasPdf, full.HasChildren);
    }

    /// <summary>The public report's PDF: the current version's, or <paramref name="number"/>'s.</summary>
    public Task<PublishedFile?> PdfAsync(int year, int? number) =>
        Public(year, number).Select(r => new PublishedFile(r.Number, r.Pdf, r.PdfProblem)).FirstOrDefaultAsync();

    public Task<PublishedFile?> WorkbookAsync(int year, int? number) =>
        Public(year, number).Select(r => new PublishedFile(r.Number, r.Workbook, null)).FirstOrDefaultAsync();

    public Task<Release?> ChildrenSummaryAsync(int year) =>
        db.Set<Release>().AsNoTracking().Where(r => r.YearStart == year && r.Audience == Audience.Children).OrderByDescending(r => r.Number).FirstOrDefaultAsync();

    public Task<PublishedTranslation?> TranslationAsync(int year, string language) =>
        db.Set<ChildrenSummaryTranslation>().AsNoTracking()
            .Where(t => t.YearStart == year && t.Language == language && t.PublishedSections != null)
            .Select(t => new PublishedTranslation(t.Language, t.Name, t.EnglishName, t.PublishedSections, t.PublishedUtc!.Value)).SingleOrDefaultAsync();

    /// <summary>Every public and children's publication and correction, newest first.</summary>
    public async Task<IReadOnlyList<FeedEntry>> FeedAsync() =>
        (await db.Set<Release>().AsNoTracking().Where(r => r.Audience != Audience.Board)
            .Select(r => new FeedEntry(r.Id, r.YearStart, r.Audience, r.Number, r.PublishedUtc, r.ChangeNote)).ToListAsync())
        .OrderByDescending(r => r.PublishedUtc).ToList();

    private IQueryable<Release> Public(int year, int? number) =>
        db.Set<Release>().AsNoTracking().Where(r => r.YearStart == year && r.Audience == Audience.Public && (number == null || r.Number == number)).OrderByDescending(r => r.Number);
}
