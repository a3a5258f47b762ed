using IroPortal.Contributions.Contracts;
using IroPortal.Contributions.Models;
using IroPortal.Contributions.Services;
using IroPortal.Data;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity;
using IroPortal.Modularity.Scheduling;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Contributions.Reminders;

/// <summary>Reminds each IRO who has not sent their contribution, and sends the manager who opened the round a summary.</summary>
public sealed class RoundDeadlineReminders(PortalDbContext db, LinkGenerator links) : IReminderRule
{
    public const string DaysBefore = "days-before";
    public const string RepeatEvery = "repeat-every";

    public string Key => "contributions.round-deadline";
    public string Name => "Contribution deadline";
    public string Description => "Reminds each IRO who has not sent their contribution before the deadline, on the day, and then while it is overdue; the manager who opened the round gets a summary of who is still to send.";
    public string Schedule => "0 0 8 * * ?";
    public IReadOnlyList<RuleParameter> Parameters =>
    [
        new(DaysBefore, "Days before the deadline", "The first reminder comes this many days before the deadline.", 7, 1, 60),
        new(RepeatEvery, "Days between reminders once overdue", "While a contribution is overdue, a reminder comes this often.", 3, 1, 30),
    ];

    public async Task<IReadOnlyList<ReminderOccurrence>> DueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var today = context.Today;
        // A round left open for months stops nagging after a quarter: by then the report has moved on.
        var oldest = today.AddDays(-90);
        var latest = today.AddDays(context.Settings[DaysBefore]);
        var rounds = await db.Set<ContributionRound>().AsNoTracking().Include(r => r.Contributions)
            .Where(r => r.Deadline >= oldest && r.Deadline <= latest).ToListAsync(cancellationToken);
        var due = new List<ReminderOccurrence>();
        foreach (var round in rounds)
        {
            var occurrence = DeadlineReminderDates.OccurrenceOn(round.Deadline, today, context.Settings[DaysBefore], context.Settings[RepeatEvery]);
            var outstanding = round.Contributions.Where(c => c.IroCanEdit).OrderBy(c => c.IroName).ToList();
            if (occurrence is null || outstanding.Count == 0) continue;
            var urgent = occurrence != "before";
            var year = ReportingYear.Name(round.YearStart);
            var when = DeadlineReminderDates.When(occurrence, round.Deadline);
            foreach (var contribution in outstanding)
            {
                var status = contribution.Status switch
                {
                    ContributionStatus.Returned => "The manager returned it to you with comments to act on.",
                    ContributionStatus.Draft => "You have a draft saved; send it when it is ready.",
                    _ => "You have not started it yet.",
                };
                due.Add(new ReminderOccurrence($"round:{round.Id}:iro:{contribution.IroId}", occurrence, ReminderRecipient.User(contribution.IroId),
                    $"Your contribution to the {year} annual report {when}", $"Your contribution to the {year} annual report {when}. {status}",
                    links.PathTo(ContributionRoutes.ContributionsMine), urgent));
            }
            var names = string.Join("\n", outstanding.Select(c => $"{c.IroName}: {ContributionQuestions.StatusText(c.Status)}"));
            due.Add(new ReminderOccurrence($"round:{round.Id}:summary", occurrence, ReminderRecipient.User(round.OpenedById),
                $"{outstanding.Count} of {round.Contributions.Count} contributions to the {year} report still to come",
                $"The contributions {when}. Still to come:\n{names}", links.PathTo(ContributionRoutes.RoundsDetails, new { id = round.Id }), urgent));
        }
        return due;
    }
}
