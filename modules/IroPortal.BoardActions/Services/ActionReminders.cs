using IroPortal.BoardActions.Contracts;
using IroPortal.BoardActions.Models;
using IroPortal.Data;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity;
using IroPortal.Modularity.Scheduling;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.BoardActions.Services;

/// <summary>Reminds each open action's owner before its due date, on the day, and while it is overdue.</summary>
public sealed class ActionReminders(PortalDbContext db, LinkGenerator links) : IReminderRule
{
    public const string RuleKey = "board-actions.due";
    public const string DaysBefore = "days-before";
    public const string RepeatEvery = "repeat-every";

    public string Key => RuleKey;
    public string Name => "The board's actions";
    public string Description => "Reminds the owner of each open board action before its due date, on the day, and then while it is overdue.";
    public string Schedule => "0 0 8 * * ?";
    public IReadOnlyList<RuleParameter> Parameters =>
    [
        new(DaysBefore, "Days before the due date", "The first reminder comes this many days before an action is due.", 14, 1, 90),
        new(RepeatEvery, "Days between reminders once overdue", "While an action is overdue, its owner is reminded this often.", 7, 1, 60),
    ];

    public async Task<IReadOnlyList<ReminderOccurrence>> DueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var today = context.Today;
        var latest = today.AddDays(context.Settings[DaysBefore]);
        var actions = await db.Set<BoardAction>().AsNoTracking().Where(a => a.DoneOn == null && a.Due <= latest).ToListAsync(cancellationToken);
        var due = new List<ReminderOccurrence>();
        foreach (var action in actions)
        {
            var occurrence = DeadlineReminderDates.OccurrenceOn(action.Due, today, context.Settings[DaysBefore], context.Settings[RepeatEvery]);
            if (occurrence is null) continue;
            var when = DeadlineReminderDates.When(occurrence, action.Due);
            // The due date is part of the occurrence: moving it starts its reminders afresh.
            due.Add(new ReminderOccurrence($"board-action:{action.Id}:{action.Due:yyyy-MM-dd}", occurrence, ReminderRecipient.User(action.OwnerId),
                $"A board action you own {when}", $"\u201c{action.What}\u201d {when}. Post an update for the board, or mark it done.",
                links.PathTo(ActionPlanRoutes.ActionPlanAction, new { id = action.Id }), Urgent: occurrence != "before"));
        }
        return due;
    }
}
