using IroPortal.AnnualReport.Models;
using IroPortal.AnnualReport.Services;
using IroPortal.Data;
using IroPortal.Data.Seeding;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.AnnualReport.Seed;

/// <summary>For the demo: last year's report, reviewed and approved, and this year's in progress with
/// last year's priorities carried over, one of them already updated.</summary>
internal sealed class ReportDemoSeeder(PortalDbContext db, ReportService reports, IStaffDirectory staff, TimeProvider clock) : IPortalSeeder
{
    // After the contributions (30) it quotes from.
    public int Order => 40;

    private static readonly Dictionary<string, string> LastYear = new()
    {
        ["summary"] = """
            ### What is working well
            Children are more often at their reviews, and more reviews are held where the child lives.

            ### What worries us
            Too many reviews were late after a change of social worker, and health assessments for children placed out of the area are often late.

            ### Where urgent action is needed
            - Health assessments for children placed outside Northmoor.
            """,
        ["service"] = "The service had eight IROs (7.6 full-time equivalent) and a manager.\n\n{{figures:caseloads}}\n\n{{figures:trend-caseloads}}\n",
        ["quality"] = "Every IRO was observed at least once; guardians were asked for feedback for the first time this year.\n\n{{figures:qa-compliance}}\n\n{{figures:qa-grades}}\n",
        ["good-practice"] = "Reviews held in the child's home at a time that suited them, with the child choosing who came.\n",
        [ReportOutline.PrioritiesNext] = """
            - Hold every first review within 20 working days of a child becoming looked after
            - Ask every child how they want to take part before each review
            - Ask guardians and courts for feedback on IROs' work every quarter
            - Reduce IRO caseloads to no more than 70 children
            """,
    };

    private static readonly Dictionary<string, string> ThisYear = new()
    {
        ["summary"] = "### What is working well\n\nMore children chaired part of their own review.\n\n### What worries us\n\n### Where urgent action is needed\n",
        ["service"] = "Eight IROs worked in the service all year.\n\n{{figures:caseloads}}\n",
    };

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        if (!context.Demo || await db.Set<Report>().AnyAsync(cancellationToken)) return;
        var manager = (await staff.InRoleAsync(PortalRoles.IroManager, cancellationToken)).FirstOrDefault()?.DisplayName ?? "IRO manager";
        var senior = (await staff.InRoleAsync(PortalRoles.SeniorManager, cancellationToken)).FirstOrDefault();
        var thisYear = ReportingYear.Containing(UkTime.Today(clock)) - 1;

        var last = await reports.CreateAsync(thisYear - 1, manager);
        await WriteAsync(last, LastYear, manager);
        await reports.MoveAsync(last, ReportStatus.InReview, manager);
        if (senior is not null)
            await reports.CommentAsync(last.Sections.Single(s => s.Key == "summary"), "Please say what the council will do about late health assessments, and by when.", senior.Id, senior.DisplayName);
        await reports.MoveAsync(last, ReportStatus.Approved, manager);

        var current = await reports.CreateAsync(thisYear, manager);
        await WriteAsync(current, ThisYear, manager);
        if (current.Progress.FirstOrDefault() is { } first)
            await reports.UpdateProgressAsync(current, first, "82% of first reviews were on time, up from 71%. Late ones followed a change of social worker.", manager);
        context.Report.WriteLine($"Annual reports: {ReportingYear.Name(thisYear - 1)} approved; {ReportingYear.Name(thisYear)} in draft.");
    }

    private async Task WriteAsync(Report report, Dictionary<string, string> texts, string by)
    {
        foreach (var (key, text) in texts)
        {
            var section = report.Sections.Single(s => s.Key == key);
            await reports.SaveSectionAsync(report, section, text.Replace("\r\n", "\n"), section.Revision, by);
        }
    }
}
