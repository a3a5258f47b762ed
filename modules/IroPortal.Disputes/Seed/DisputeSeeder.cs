using IroPortal.Data;
using IroPortal.Data.Seeding;
using IroPortal.Disputes.Models;
using IroPortal.Disputes.Services;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Disputes.Seed;

/// <summary>Every portal starts with the Handbook's shape of stages, for the manager to rename. The demo council
/// also gets a year of escalations: resolved informally and formally, one late, one referred to Cafcass.</summary>
internal sealed class DisputeSeeder(PortalDbContext db, DisputeService disputes, IStaffDirectory staff, TimeProvider clock) : IPortalSeeder
{
    public int Order => 20;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        await disputes.EnsureStagesAsync(cancellationToken);
        if (!context.Demo || await db.Set<Escalation>().AnyAsync(cancellationToken)) return;
        var iros = await staff.InRoleAsync(PortalRoles.Iro, cancellationToken);
        if (iros.Count < 3) return;
        var stages = await disputes.StagesAsync();
        DisputeStage Stage(int position) => stages.First(s => s.Position == position);
        var today = UkTime.Today(clock);
        var wd = disputes.WorkingDays;

        async Task<Escalation> Raise(StaffMember iro, string reference, string category, string summary, int position, string with, DateOnly on) =>
            await disputes.RecordAsync(iro.Id, iro.DisplayName, reference, category, summary, new StageRaised(Stage(position), with, on));

        var a = await Raise(iros[0], "NM-204417", "drift", "The permanence plan agreed at the second review has not moved: no referral to the adoption team after 3 months.", 0, "Team manager", wd.Subtract(today, 60));
        await disputes.RespondAsync(a, a.Revision, wd.Add(a.OpenedOn, 3), true, "Referral made the same week; the plan has a timetable.");

        var b = await Raise(iros[1], "NM-198230", "placement", "A placement move was made without the review being consulted, against the plan.", 0, "Social worker", wd.Subtract(today, 45));
        await disputes.RespondAsync(b, b.Revision, wd.Add(b.OpenedOn, 5), false, "No agreement to review the move.");
        await disputes.EscalateAsync(b, b.Revision, new StageRaised(Stage(2), "Service manager", wd.Add(b.OpenedOn, 6)));
        await disputes.RespondAsync(b, b.Revision, wd.Add(b.OpenedOn, 10), true, "A review was brought forward and the move looked at again.");

        var c = await Raise(iros[2], "NM-210094", "health", "The health assessment is 4 months overdue.", 1, "Team manager", wd.Subtract(today, 12));
        _ = c; // its response is late: the dashboard shows it first

        var d = await Raise(iros[0], "NM-187702", "contact", "Contact with siblings set by the court has not happened for 8 weeks.", 0, "Team manager", wd.Subtract(today, 30));
        await disputes.RespondAsync(d, d.Revision, wd.Add(d.OpenedOn, 4), false, "");
        await disputes.EscalateAsync(d, d.Revision, new StageRaised(Stage(1000), "Cafcass duty manager", wd.Add(d.OpenedOn, 6)));

        await Raise(iros[1], "NM-215561", "education", "No personal education plan since the school move.", 0, "Virtual school head", wd.Subtract(today, 2));
        context.Report.WriteLine("Dispute resolution: 5 demo escalations (resolved, late, referred to Cafcass, waiting).");
    }
}
