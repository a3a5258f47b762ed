using IroPortal.BoardActions.Models;
using IroPortal.BoardActions.Services;
using IroPortal.Data;
using IroPortal.Data.Seeding;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Publishing.Contracts;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.BoardActions.Seed;

/// <summary>For the demo: the board's actions on last year's published report, one done, one open and one overdue,
/// with owners' updates, so the dashboard, the reminders and this year's "progress" section have something to show.</summary>
internal sealed class ActionPlanDemoSeeder(PortalDbContext db, ActionPlanService plans, IBoardReports board, IStaffDirectory staff, TimeProvider clock) : IPortalSeeder
{
    // After publishing (50), which records the board's resolution.
    public int Order => 60;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        if (!context.Demo || await db.Set<BoardAction>().AnyAsync(cancellationToken)) return;
        var year = ReportingYear.Containing(UkTime.Today(clock)) - 2;
        if (await board.ResolutionAsync(year, cancellationToken) is not { } resolution) return;
        var sections = await board.SectionsAsync(year, cancellationToken);
        var manager = (await staff.InRoleAsync(PortalRoles.IroManager, cancellationToken)).FirstOrDefault();
        var senior = (await staff.InRoleAsync(PortalRoles.SeniorManager, cancellationToken)).FirstOrDefault();
        if (manager is null || senior is null) return;
        var clerk = (await staff.InRoleAsync(PortalRoles.BoardClerk, cancellationToken)).FirstOrDefault()?.DisplayName ?? manager.DisplayName;
        BoardSection? Section(string title) => sections.FirstOrDefault(s => s.Title == title);
        var today = UkTime.Today(clock);

        var health = await plans.AddAsync(year, new ActionDetails("Report the figures on health assessments for children placed out of area to the board each quarter.",
            manager, resolution.MeetingDate.AddMonths(3), Section("Children looked after")), clerk);
        await plans.UpdateAsync(health, health.Revision, "The first quarter's figures went to the October board: 14 of 16 assessments were on time.", null, manager.DisplayName);
        await plans.UpdateAsync(health, health.Revision, "Quarterly figures are now a standing item on the board's agenda.", true, manager.DisplayName);

        var caseloads = await plans.AddAsync(year, new ActionDetails("Bring every IRO's caseload within the Handbook's range of 50 to 70.",
            senior, today.AddDays(-20), Section("The IRO service")), clerk);
        await plans.UpdateAsync(caseloads, caseloads.Revision, "A ninth IRO post is approved; recruitment closes next month.", null, senior.DisplayName);

        await plans.AddAsync(year, new ActionDetails("Agree a new dispute resolution protocol with children's social care, with timescales in working days.",
            manager, today.AddDays(10), Section("Dispute resolution and escalations")), clerk);
        await plans.ShowOnPublicReportAsync(year, true, manager.DisplayName);
        context.Report.WriteLine($"The board's action plan: 3 actions on the {ReportingYear.Name(year)} report (done, overdue, due soon).");
    }
}
