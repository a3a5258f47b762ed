using IroPortal.Modularity.Navigation;
using IroPortal.QualityAssurance.Contracts;
using Microsoft.AspNetCore.Routing;
using System.Globalization;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.Scheduling;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.QualityAssurance.Reminders;

/// <summary>Each Monday, to each IRO manager: the activities overdue, IRO by IRO. Nothing is sent in a week with nothing overdue.</summary>
public sealed class WeeklyOverdueDigest(ComplianceService compliance, IStaffDirectory staff, LinkGenerator links) : IReminderRule
{
    public string Key => "qa.weekly-overdue";
    public string Name => "Quality assurance overdue this week";
    public string Description => "Each Monday, the IRO managers get the quality-assurance activities that are overdue, IRO by IRO.";
    public string Schedule => "0 0 8 ? * MON";
    public IReadOnlyList<RuleParameter> Parameters => [];

    public async Task<IReadOnlyList<ReminderOccurrence>> DueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var board = await compliance.BoardAsync(ReportingYear.Containing(context.Today), cancellationToken: cancellationToken);
        var lines = board.Rows
            .Select(row => (row.Iro.DisplayName, Overdue: row.Statuses.Where(s => s.State == ComplianceState.Overdue).Select(s => s.Activity.ShortName()).ToList()))
            .Where(r => r.Overdue.Count > 0).OrderBy(r => r.DisplayName).ToList();
        if (lines.Count == 0) return [];
        var week = ISOWeek.GetYear(context.Today.ToDateTime(TimeOnly.MinValue)) + "-W" + ISOWeek.GetWeekOfYear(context.Today.ToDateTime(TimeOnly.MinValue)).ToString("00", CultureInfo.InvariantCulture);
        var body = "Overdue today:\n" + string.Join("\n", lines.Select(l => $"{l.DisplayName}: {string.Join(", ", l.Overdue)}"));
        var title = lines.Count == 1 ? "Quality assurance overdue for 1 IRO" : $"Quality assurance overdue for {lines.Count} IROs";
        var managers = await staff.InRoleAsync(PortalRoles.IroManager, cancellationToken);
        return [.. managers.Select(m => new ReminderOccurrence("qa:overdue", week, ReminderRecipient.User(m.Id), title, body, links.PathTo(QaRoutes.Board)))];
    }
}

/// <summary>Actions agreed after observations and audits: to the IRO as one comes due, and again once it is overdue.</summary>
public sealed class ActionsDueReminders(PortalDbContext db, LinkGenerator links) : IReminderRule
{
    public const string DaysBefore = "days-before";

    public string Key => "qa.actions-due";
    public string Name => "Actions from observations and audits";
    public string Description => "Reminds the IRO of an action agreed after an observation or audit as it comes due, and again the day after it becomes overdue.";
    public string Schedule => "0 30 8 * * ?";
    public IReadOnlyList<RuleParameter> Parameters =>
        [new(DaysBefore, "Days before the action is due", "The IRO is reminded this many days before the due date.", 7, 1, 60)];

    public async Task<IReadOnlyList<ReminderOccurrence>> DueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var today = context.Today;
        var horizon = today.AddDays(context.Settings[DaysBefore]);
        var open = await db.Set<QaAction>().AsNoTracking().Where(a => a.CompletedOn == null && a.DueOn <= horizon).ToListAsync(cancellationToken);
        return [.. open.Select(action =>
        {
            var overdue = today > action.DueOn;
            var source = action.Source == ActionSource.Observation ? "observation" : "case-file audit";
            return new ReminderOccurrence($"action:{action.Id}", overdue ? "overdue" : "due-soon", ReminderRecipient.User(action.IroId),
                overdue ? $"An action from your {source} is overdue" : $"An action from your {source} is due on {UkTime.Format(action.DueOn)}",
                $"{action.Description}\n\nDue on {UkTime.Format(action.DueOn)}.", links.PathTo(QaRoutes.Mine), Urgent: overdue);
        })];
    }
}

/// <summary>The secret of a feedback link, kept encrypted for its one reminder.</summary>
public sealed class FeedbackReminderLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("QualityAssurance.FeedbackReminderLink");
    public string Protect(string token) => _protector.Protect(token);
    public string Unprotect(string protectedToken) => _protector.Unprotect(protectedToken);
}

/// <summary>One reminder to someone who gave an email for their feedback link and has not answered after N days.</summary>
public sealed class FeedbackReminder(PortalDbContext db, FeedbackReminderLinks links) : IReminderRule
{
    public const string AfterDays = "after-days";

    public string Key => "qa.feedback-reminder";
    public string Name => "Feedback not yet given";
    public string Description => "One reminder, with the link, to someone who gave an email address for their feedback link and has not answered.";
    public string Schedule => "0 0 10 * * ?";
    public IReadOnlyList<RuleParameter> Parameters =>
        [new(AfterDays, "Days to wait for an answer", "The reminder goes this many days after the link was made, if there is still no answer.", 7, 1, 27)];

    public async Task<IReadOnlyList<ReminderOccurrence>> DueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var now = context.Now.UtcDateTime;
        var askedBefore = now.AddDays(-context.Settings[AfterDays]);
        var waiting = await db.Set<FeedbackRequest>().AsNoTracking()
            .Where(r => r.RespondentEmail != null && r.ProtectedToken != null && r.AnsweredUtc == null && r.ExpiresUtc > now && r.CreatedUtc <= askedBefore)
            .ToListAsync(cancellationToken);
        var due = new List<ReminderOccurrence>();
        foreach (var request in waiting)
        {
            string token;
            try { token = links.Unprotect(request.ProtectedToken!); }
            catch (System.Security.Cryptography.CryptographicException) { continue; } // keys rotated away: no link to send
            var review = request.ReviewDate is { } date ? $"the review on {UkTime.Format(date)}" : "a recent review";
            due.Add(new ReminderOccurrence($"feedback:{request.Id}", "once", ReminderRecipient.Address(request.RespondentEmail!),
                $"Please tell us about {review}",
                $"We asked for your views on {review} with the Independent Reviewing Officer, and have not heard from you yet. It takes about five minutes. " +
                $"The link works until {UkTime.Format(DateOnly.FromDateTime(UkTime.FromUtc(request.ExpiresUtc)))}.",
                $"/feedback/{token}"));
        }
        return due;
    }
}
