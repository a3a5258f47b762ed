using IroPortal.Data;
using IroPortal.Disputes.Contracts;
using IroPortal.Disputes.Models;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.Scheduling;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Disputes.Services;

/// <summary>Tells the IRO and the IRO managers when a response to an escalation is due, on the day, and while it is
/// late. Reminders name the category and the stage, never the case reference.</summary>
public sealed class DisputeReminders(PortalDbContext db, IStaffDirectory staff, LinkGenerator links) : IReminderRule
{
    public const string RuleKey = "disputes.responses";
    public const string DaysBefore = "days-before";
    public const string RepeatEvery = "repeat-every";

    public string Key => RuleKey;
    public string Name => "Dispute resolution responses";
    public string Description => "Tells the IRO and the IRO managers when a response to an escalation is due, on the day, and while it is late.";
    public string Schedule => "0 15 8 * * ?";
    public IReadOnlyList<RuleParameter> Parameters =>
    [
        new(DaysBefore, "Days before a response is due", "The IRO hears this many days before a response is due.", 1, 1, 20),
        new(RepeatEvery, "Days between reminders once late", "While a response is late, the IRO and the managers hear this often.", 3, 1, 30),
    ];

    public async Task<IReadOnlyList<ReminderOccurrence>> DueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var today = context.Today;
        var latest = today.AddDays(context.Settings[DaysBefore]);
        var waiting = await db.Set<Escalation>().AsNoTracking().Include(e => e.Steps)
            .Where(e => e.ResolvedOn == null && e.ClosedOn == null && e.Steps.Any(s => s.RespondedOn == null && s.ResponseDue != null && s.ResponseDue <= latest))
            .ToListAsync(cancellationToken);
        var due = new List<ReminderOccurrence>();
        IReadOnlyList<StaffMember>? managers = null;
        foreach (var escalation in waiting)
        {
            var step = DisputeRules.Current(escalation);
            if (step.RespondedOn is not null || step.ResponseDue is not { } responseDue) continue;
            var occurrence = DeadlineReminderDates.OccurrenceOn(responseDue, today, context.Settings[DaysBefore], context.Settings[RepeatEvery]);
            if (occurrence is null) continue;
            var about = $"{DisputeRules.CategoryName(escalation.Category).ToLowerInvariant()}, {step.StageName}";
            var when = DeadlineReminderDates.When(occurrence, responseDue, "late");
            var link = links.PathTo(DisputeRoutes.Escalation, new { id = escalation.Id });
            due.Add(new ReminderOccurrence($"escalation-step:{step.Id}", occurrence, ReminderRecipient.User(escalation.IroId),
                $"A response to your escalation {when}", $"The response to your escalation ({about}), raised with {step.RaisedWith} on {UkTime.Format(step.RaisedOn)}, {when}. Record it, or take the next step.", link, occurrence != "before"));
            if (occurrence == "before") continue;
            managers ??= await staff.InRoleAsync(PortalRoles.IroManager, cancellationToken);
            due.AddRange(managers.Where(m => m.Id != escalation.IroId).Select(m => new ReminderOccurrence($"escalation-step:{step.Id}", occurrence, ReminderRecipient.User(m.Id),
                $"A response to {escalation.IroName}'s escalation {when}", $"The response to {escalation.IroName}'s escalation ({about}) {when}.", link, true)));
        }
        return due;
    }
}
