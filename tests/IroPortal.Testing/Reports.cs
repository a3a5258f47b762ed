using IroPortal.AnnualReport.Models;
using IroPortal.AnnualReport.Services;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Testing;

/// <summary>Approved annual reports for the tests to publish, written through the annual report's own service.</summary>
public static class Reports
{
    public const string Manager = "manager@northmoor.example";

    /// <summary>A year's report with the given sections' words (by outline key), sent for review and approved.</summary>
    public static Task ApproveAsync(PortalApp app, int year, Dictionary<string, string> texts) =>
        app.InScope<ReportService, bool>(async reports =>
        {
            var report = await reports.CreateAsync(year, "Test manager");
            foreach (var (key, text) in texts)
            {
                var section = report.Sections.Single(s => s.Key == key);
                await reports.SaveSectionAsync(report, section, text, section.Revision, "Test manager");
            }
            await reports.MoveAsync(report, ReportStatus.InReview, "Test manager");
            await reports.MoveAsync(report, ReportStatus.Approved, "Test manager");
            return true;
        });

    public static Task<Guid> SectionIdAsync(PortalApp app, int year, string key) =>
        app.InDatabase(db => db.Set<Report>().Where(r => r.YearStart == year).SelectMany(r => r.Sections).Where(s => s.Key == key).Select(s => s.Id).SingleAsync());
}
