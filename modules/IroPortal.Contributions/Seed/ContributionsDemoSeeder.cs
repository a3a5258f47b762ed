using IroPortal.Contributions.Models;
using IroPortal.Contributions.Services;
using IroPortal.Data;
using IroPortal.Data.Seeding;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Contributions.Seed;

/// <summary>For the demo: last year's round, all accepted, and this year's round half done, with one
/// contribution of each status so every screen has something to show.</summary>
internal sealed class ContributionsDemoSeeder(PortalDbContext db, ContributionService contributions, IStaffDirectory staff, TimeProvider clock) : IPortalSeeder
{
    // After the review data (20), which prefills the figures.
    public int Order => 30;

    private static readonly string[] GoodPractice =
    [
        "Reviews held in the child's placement, at a time that suited them, with the child choosing who came.",
        "A sibling group's plan brought together so their reviews are held on one day with one social worker.",
        "Midway reviews after placement moves caught a change of school early and kept the child's place.",
    ];

    private static readonly string[] Voices =
    [
        "\"I liked that I could chair part of my own review.\"",
        "\"My IRO listened when I said I wanted to see my brother more, and it happened.\"",
        "\"I didn't know who would be there. I'd like to know before.\"",
        "\"Meetings at school are embarrassing. Please not at school.\"",
    ];

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        if (!context.Demo || await db.Set<ContributionRound>().AnyAsync(cancellationToken)) return;
        var iros = await staff.InRoleAsync(PortalRoles.Iro, cancellationToken);
        var manager = (await staff.InRoleAsync(PortalRoles.IroManager, cancellationToken)).FirstOrDefault();
        if (iros.Count == 0 || manager is null) return;
        var today = UkTime.Today(clock);
        var thisYear = ReportingYear.Containing(today) - 1;

        var last = await contributions.OpenRoundAsync(thisYear - 1, ReportingYear.Start(thisYear).AddDays(45), "Please tell us what went well and what worried you.", iros, manager);
        for (var i = 0; i < last.Contributions.Count; i++)
            Fill(last.Contributions[i], i, ContributionStatus.Accepted, manager.DisplayName);

        var current = await contributions.OpenRoundAsync(thisYear, today.AddDays(10),
            "This year I would most like to hear about participation: how children took part in their reviews, and what stopped them.", iros, manager);
        ContributionStatus[] states = [ContributionStatus.Accepted, ContributionStatus.Accepted, ContributionStatus.Accepted, ContributionStatus.Submitted,
            ContributionStatus.Returned, ContributionStatus.Draft, ContributionStatus.NotStarted, ContributionStatus.NotStarted];
        for (var i = 0; i < current.Contributions.Count; i++)
            Fill(current.Contributions[i], i, states[i % states.Length], manager.DisplayName);
        await db.SaveChangesAsync(cancellationToken);
        context.Report.WriteLine($"Contribution rounds for {ReportingYear.Name(thisYear - 1)} (all accepted) and {ReportingYear.Name(thisYear)} (half done).");
    }

    private void Fill(Contribution c, int i, ContributionStatus status, string managerName)
    {
        if (status == ContributionStatus.NotStarted) return;
        var now = clock.GetUtcNow().UtcDateTime;
        c.Caseload ??= 52 + i * 3;
        c.ReviewsChaired ??= 120 + i * 9;
        c.GoodPractice = GoodPractice[i % GoodPractice.Length];
        c.Themes = i % 2 == 0
            ? "Changes of social worker delay plans; three children on my caseload had four social workers in the year."
            : "Health assessments are late for children placed out of the area.";
        c.ConcernsRaised = "Raised drift in permanence planning informally for two children (NM-20418, NM-20533); both resolved within the month.";
        c.ChildrenVoices = Voices[i % Voices.Length];
        c.TrainingReceived = "Chairing skills refresher; trauma-informed practice.";
        c.TrainingNeeded = status == ContributionStatus.Draft ? "" : "Working with unaccompanied asylum-seeking children.";
        c.Improvements = "Review records sent within 20 working days would be easier with a template that fills in the plan's actions.";
        c.Status = status;
        c.UpdatedUtc = now;
        if (status is ContributionStatus.Submitted or ContributionStatus.Returned or ContributionStatus.Accepted) c.SubmittedUtc = now.AddDays(-3);
        if (status == ContributionStatus.Returned)
        {
            c.ManagerComments = "Thank you. Please say more about the themes: what did you challenge, and what changed?";
            c.ReturnedUtc = now.AddDays(-1);
        }
        if (status == ContributionStatus.Accepted)
        {
            c.AcceptedUtc = now.AddDays(-2);
            c.AcceptedByName = managerName;
        }
    }
}
