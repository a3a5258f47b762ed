using IroPortal.AnnualReport.Contracts;
using IroPortal.AnnualReport.Models;
using IroPortal.Data;
using Markdig.Syntax;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.AnnualReport.Services;

internal sealed class ApprovedReports(PortalDbContext db, FigureBlocks figures) : IApprovedReports
{
    public async Task<ApprovedReport?> FindAsync(int yearStart, CancellationToken cancellationToken = default)
    {
        var report = await db.Set<Report>().AsNoTracking().Include(r => r.Sections).Include(r => r.Progress)
            .SingleOrDefaultAsync(r => r.YearStart == yearStart && r.Status == ReportStatus.Approved, cancellationToken);
        if (report is null) return null;
        var progress = report.Progress.OrderBy(p => p.Position).Select(p => new CarriedPriority(p.Priority, p.Update, p.Detail)).ToList();
        var sections = report.Sections.OrderBy(s => s.Position).Select(s => new ApprovedSection(s.Id, s.Key, s.Title, SectionHtml.Anchor(s), s.Body,
            ReportMarkdown.FigureKinds(s.Body), s.Key == ReportOutline.ProgressLast ? progress : [])).ToList();
        return new(report.YearStart, report.CurrentVersion, report.ApprovedUtc ?? report.CreatedUtc, report.ApprovedByName ?? "",
            sections, FigureBlocks.Thaw(report.FrozenFigures ?? "{}"));
    }

    public async Task<IReadOnlyList<int>> ApprovedYearsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Report>().AsNoTracking().Where(r => r.Status == ReportStatus.Approved).OrderByDescending(r => r.YearStart).Select(r => r.YearStart).ToListAsync(cancellationToken);

    public IHtmlContent Render(ApprovedSection section, IReadOnlyDictionary<string, FigureTable> figures)
    {
        var html = new HtmlContentBuilder();
        html.AppendHtml(ReportMarkdown.Render(section.Markdown, kind => FigureBlocks.Render(figures, kind)));
        SectionHtml.AppendProgress(html, section.Progress);
        return html;
    }

    public IReadOnlyList<string> PlainParagraphs(string markdown) =>
        ReportMarkdown.Parts(markdown).OfType<TextPart>()
            .SelectMany(t => t.Document.Descendants<LeafBlock>())
            .Select(ReportMarkdown.PlainText).Where(t => t.Trim().Length > 0).ToList();

    public bool CountsChildren(string kind) => figures.Kinds.Any(k => k.Kind == kind && k.CountsChildren);
}
