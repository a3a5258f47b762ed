using IroPortal.Data;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.Scheduling;
using IroPortal.QualityAssurance.Contracts;
using IroPortal.QualityAssurance.Models;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.QualityAssurance.Safeguarding;

/// <summary>One step of an urgent message's escalation: at <paramref name="AtUtc"/> the response time had passed
/// <paramref name="Level"/> times with nothing recorded, and <paramref name="PersonId"/> was told (null: the duty
/// managers again, when nobody is named to escalate to).</summary>
public sealed record EscalationStep(int Level, DateTime AtUtc, Guid? PersonId);

/// <summary>Checks feedback for words that suggest harm, raises urgent concerns and keeps the safeguarding settings.</summary>
public sealed class SafeguardingService(PortalDbContext db, IStaffDirectory staff, WorkingDays workingDays, TimeProvider clock)
{
    public const string AskedForContact = "Asked to be contacted";
    /// <summary>When nobody is named to escalate to, the duty managers are reminded at most this many times.</summary>
    public const int MaxRepeats = 5;

    /// <summary>Who may be named as a duty manager or escalated to.</summary>
    public static readonly IReadOnlyList<string> Roles = [PortalRoles.IroManager, PortalRoles.SeniorManager];

    public async Task<SafeguardingSettings> SettingsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<SafeguardingSettings>().AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SafeguardingSettings();

    public async Task<IReadOnlyList<StaffMember>> CandidatesAsync(CancellationToken cancellationToken = default)
    {
        var people = new List<StaffMember>();
        foreach (var role in Roles) people.AddRange(await staff.InRoleAsync(role, cancellationToken));
        return [.. people.DistinctBy(p => p.Id).OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)];
    }

    public async Task SaveSettingsAsync(IReadOnlyList<Guid> dutyManagers, IReadOnlyList<Guid> escalation, int hours, string extraWords, string by)
    {
        var settings = await db.Set<SafeguardingSettings>().SingleOrDefaultAsync();
        if (settings is null) db.Add(settings = new SafeguardingSettings());
        settings.DutyManagerIds = string.Join(',', dutyManagers);
        settings.EscalationIds = string.Join(',', escalation);
        settings.ResponseWorkingHours = hours;
        settings.ExtraWords = string.Join('\n', HarmWords.Extra(extraWords));
        settings.UpdatedByName = by;
        settings.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
    }

    /// <summary>Why this feedback is urgent, or nothing. Only children's and parents' and carers' words are read:
    /// they are the ones who may be telling us a child is not safe.</summary>
    public static IReadOnlyList<string> Reasons(FeedbackResponse response, IEnumerable<string> phrases)
    {
        if (response.RespondentType is not (QaActivity.ChildFeedback or QaActivity.ParentCarerFeedback)) return [];
        var text = string.Join("\n", response.Answers.Select(a => a.Text).Append(response.ContactDetails).Where(t => !string.IsNullOrWhiteSpace(t)));
        var found = HarmWords.Find(text, phrases).Select(p => $"Words that may mean harm: \u201c{p}\u201d").ToList();
        if (response.WantsContact) found.Add(AskedForContact);
        return found;
    }

    /// <summary>Adds an urgent concern for the response when its words or its request for contact call for one;
    /// saved with the response, so a message is never stored without its alert.</summary>
    public async Task<UrgentConcern?> RaiseIfNeededAsync(FeedbackResponse response, CancellationToken cancellationToken = default)
    {
        var settings = await SettingsAsync(cancellationToken);
        var reasons = Reasons(response, HarmWords.BuiltIn.Concat(HarmWords.Extra(settings.ExtraWords)));
        if (reasons.Count == 0) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var concern = new UrgentConcern
        {
            Id = Guid.CreateVersion7(), ResponseId = response.Id, RaisedUtc = now, Reasons = Limit(string.Join('\n', reasons), 2000),
            ResponseWorkingHours = settings.ResponseWorkingHours, DueUtc = workingDays.AddWorkingHours(now, settings.ResponseWorkingHours), Version = Guid.NewGuid(),
        };
        db.Add(concern);
        return concern;
    }

    /// <summary>The escalations an open concern has reached by <paramref name="nowUtc"/>: one each time the response
    /// time passes, to the next person named, or to the duty managers again when nobody is.</summary>
    public IReadOnlyList<EscalationStep> Escalations(UrgentConcern concern, SafeguardingSettings settings, DateTime nowUtc)
    {
        var until = concern.ActionRecordedUtc ?? nowUtc;
        var chain = SafeguardingSettings.Ids(settings.EscalationIds);
        var limit = chain.Count > 0 ? chain.Count : MaxRepeats;
        var steps = new List<EscalationStep>();
        var deadline = concern.DueUtc;
        while (steps.Count < limit && deadline <= until)
        {
            steps.Add(new EscalationStep(steps.Count + 1, deadline, chain.Count > 0 ? chain[steps.Count] : null));
            deadline = workingDays.AddWorkingHours(deadline, Math.Max(1, concern.ResponseWorkingHours));
        }
        return steps;
    }

    /// <summary>When the next escalation falls, if nothing is recorded before it.</summary>
    public DateTime? NextDeadline(UrgentConcern concern, SafeguardingSettings settings, DateTime nowUtc)
    {
        if (!concern.IsOpen) return null;
        var steps = Escalations(concern, settings, nowUtc);
        var chain = SafeguardingSettings.Ids(settings.EscalationIds);
        if (steps.Count >= (chain.Count > 0 ? chain.Count : MaxRepeats)) return null;
        return steps.Count == 0 ? concern.DueUtc : workingDays.AddWorkingHours(steps[^1].AtUtc, Math.Max(1, concern.ResponseWorkingHours));
    }

    /// <summary>Who is told at once: the named duty managers, or every IRO manager when none is named, so an urgent
    /// message is never told to nobody.</summary>
    /// <summary>The latest concerns, each with the kind of person whose feedback raised it.</summary>
    public async Task<IReadOnlyList<(UrgentConcern Concern, QaActivity From)>> LatestAsync(int count = 200)
    {
        var concerns = await db.Set<UrgentConcern>().AsNoTracking().OrderByDescending(c => c.RaisedUtc).Take(count).ToListAsync();
        var ids = concerns.Select(c => c.ResponseId).ToList();
        var from = await db.Set<FeedbackResponse>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.RespondentType);
        return [.. concerns.Select(c => (c, from.GetValueOrDefault(c.ResponseId)))];
    }

    /// <summary>A concern and the feedback that raised it.</summary>
    public async Task<(UrgentConcern Concern, FeedbackResponse Response)?> FindAsync(Guid id)
    {
        var concern = await db.Set<UrgentConcern>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id);
        if (concern is null) return null;
        return (concern, await db.Set<FeedbackResponse>().AsNoTracking().Include(r => r.Answers).SingleAsync(r => r.Id == concern.ResponseId));
    }

    public Task<Services.SaveOutcome> AcknowledgeAsync(Guid id, Guid version, string by) =>
        ChangeAsync(id, version, c => c.AcknowledgedUtc is null, c => c.Acknowledge(by, clock.GetUtcNow().UtcDateTime));

    /// <summary>Records what was done; <see cref="Services.SaveOutcome.Closed"/> when someone already had.</summary>
    public Task<Services.SaveOutcome> RecordActionAsync(Guid id, Guid version, string action, string by) =>
        ChangeAsync(id, version, c => c.IsOpen, c => c.RecordAction(action, by, clock.GetUtcNow().UtcDateTime), closedWhenNot: true);

    private async Task<Services.SaveOutcome> ChangeAsync(Guid id, Guid version, Func<UrgentConcern, bool> applies, Action<UrgentConcern> change, bool closedWhenNot = false)
    {
        var concern = await db.Set<UrgentConcern>().SingleOrDefaultAsync(c => c.Id == id);
        if (concern is null) return Services.SaveOutcome.NotFound;
        if (!applies(concern)) return closedWhenNot ? Services.SaveOutcome.Closed : Services.SaveOutcome.Saved;
        if (concern.Version != version) return Services.SaveOutcome.Conflict;
        change(concern);
        try
        {
            await db.SaveChangesAsync();
            return Services.SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Services.SaveOutcome.Conflict;
        }
    }

    public async Task<IReadOnlyList<Guid>> DutyManagersAsync(SafeguardingSettings settings, CancellationToken cancellationToken = default)
    {
        var named = SafeguardingSettings.Ids(settings.DutyManagerIds);
        return named.Count > 0 ? named : [.. (await staff.InRoleAsync(PortalRoles.IroManager, cancellationToken)).Select(m => m.Id)];
    }

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>Tells the duty managers of each urgent message at once (run the moment one arrives, and every five minutes
/// in case that run was missed), and escalates one that has no action recorded within the response time. Each message
/// reaches each person once per step: the notifications module keeps every occurrence to one delivery.</summary>
public sealed class UrgentMessageAlerts(PortalDbContext db, SafeguardingService safeguarding, LinkGenerator links) : IReminderRule
{
    public const string RuleKey = "qa.urgent-messages";

    public string Key => RuleKey;
    public string Name => "Urgent messages from children, parents and carers";
    public string Description => "Tells the named duty managers at once, in the portal and by email whatever their digest choice, when feedback suggests a child may be at risk or asks for contact; escalates to the next named person when nothing is recorded within the response time.";
    public string Schedule => "*/5 * * * *";
    public IReadOnlyList<RuleParameter> Parameters => [];
    public bool AlwaysOn => true;

    public async Task<IReadOnlyList<ReminderOccurrence>> DueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var open = await db.Set<UrgentConcern>().AsNoTracking().Where(c => c.ActionRecordedUtc == null).ToListAsync(cancellationToken);
        if (open.Count == 0) return [];
        var types = await db.Set<FeedbackResponse>().AsNoTracking().Where(r => open.Select(c => c.ResponseId).Contains(r.Id))
            .Select(r => new { r.Id, r.RespondentType }).ToDictionaryAsync(r => r.Id, r => r.RespondentType, cancellationToken);
        var settings = await safeguarding.SettingsAsync(cancellationToken);
        var dutyManagers = await safeguarding.DutyManagersAsync(settings, cancellationToken);
        var now = context.Now.UtcDateTime;
        var due = new List<ReminderOccurrence>();
        foreach (var concern in open)
        {
            var from = types.GetValueOrDefault(concern.ResponseId) == QaActivity.ParentCarerFeedback ? "a parent or carer" : "a child";
            var link = links.PathTo(QaRoutes.UrgentDetails, new { id = concern.Id });
            // The email says only that there is a message: the child's words stay in the portal.
            var body = $"An urgent message from {from} arrived on {UkTime.Format(concern.RaisedUtc)}. Read it in the portal, acknowledge it and record what was done by {UkTime.Format(concern.DueUtc)}.";
            due.AddRange(dutyManagers.Select(id => new ReminderOccurrence($"urgent:{concern.Id}", "raised", ReminderRecipient.User(id),
                $"Urgent: a message from {from} needs reading today", body, link, Urgent: true)));
            foreach (var step in safeguarding.Escalations(concern, settings, now))
            {
                var title = $"Escalated: an urgent message from {from} has no action recorded";
                var stepBody = $"An urgent message from {from} arrived on {UkTime.Format(concern.RaisedUtc)}. Nobody has recorded what was done within {concern.ResponseWorkingHours} working hour{(concern.ResponseWorkingHours == 1 ? "" : "s")} of it being due, so it comes to you. Read it in the portal, acknowledge it and record what was done.";
                var recipients = step.PersonId is { } person ? [person] : dutyManagers;
                due.AddRange(recipients.Select(id => new ReminderOccurrence($"urgent:{concern.Id}", $"escalated-{step.Level}", ReminderRecipient.User(id), title, stepBody, link, Urgent: true)));
            }
        }
        return due;
    }
}
