using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Scheduling;
using IroPortal.Notifications.Data;
using IroPortal.Notifications.Models;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IroPortal.Notifications.Services;

/// <summary>The IRO manager's choices for each rule, over the rule's defaults.</summary>
public sealed class RuleSettingsService(PortalDbContext db, TimeProvider clock)
{
    public async Task<ReminderSettings> ForAsync(IReminderRule rule, CancellationToken cancellationToken = default)
    {
        var saved = await db.Set<ReminderRuleSetting>().AsNoTracking().SingleOrDefaultAsync(s => s.RuleKey == rule.Key, cancellationToken);
        var values = saved is null ? [] : JsonSerializer.Deserialize<Dictionary<string, int>>(saved.ValuesJson) ?? [];
        // A parameter added to a rule since the manager saved it takes its default.
        var merged = rule.Parameters.ToDictionary(p => p.Key, p => values.TryGetValue(p.Key, out var v) ? Math.Clamp(v, p.Min, p.Max) : p.Default);
        return new ReminderSettings(rule.AlwaysOn || (saved?.Enabled ?? true), merged);
    }

    public async Task SaveAsync(IReminderRule rule, bool enabled, IReadOnlyDictionary<string, int> values, string by, CancellationToken cancellationToken = default)
    {
        var setting = await db.Set<ReminderRuleSetting>().SingleOrDefaultAsync(s => s.RuleKey == rule.Key, cancellationToken);
        if (setting is null) db.Add(setting = new ReminderRuleSetting { RuleKey = rule.Key });
        setting.Enabled = enabled || rule.AlwaysOn;
        setting.ValuesJson = JsonSerializer.Serialize(values);
        setting.UpdatedBy = by;
        setting.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// Runs one rule: asks it what is due and delivers each occurrence that has not been delivered yet. Each
/// occurrence is written (notification and outbox email together) under its idempotency key, which the
/// database holds unique: a second run, or another node running the same rule at the same moment, finds it
/// there or fails to insert it, and sends nothing more.
/// </summary>
public sealed class ReminderRunner(
    PortalDbContext db, IStaffDirectory staff, RuleSettingsService settings, MailComposer mail, TimeProvider clock, ILogger<ReminderRunner> log)
{
    public async Task<string> RunAsync(IReminderRule rule, CancellationToken cancellationToken)
    {
        var ruleSettings = await settings.ForAsync(rule, cancellationToken);
        if (!ruleSettings.Enabled) return "Switched off by the IRO manager: nothing sent.";
        var now = clock.GetUtcNow();
        var due = await rule.DueAsync(new ReminderContext(now, UkTime.Today(clock), ruleSettings), cancellationToken);

        int delivered = 0, before = 0, nobody = 0;
        foreach (var occurrence in due)
        {
            var key = IdempotencyKey(rule.Key, occurrence);
            if (await AlreadyDeliveredAsync(key, cancellationToken)) { before++; continue; }
            if (!await StageAsync(rule.Key, occurrence, key, now.UtcDateTime, cancellationToken)) { nobody++; continue; }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                delivered++;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (!await AlreadyDeliveredAsync(key, cancellationToken)) throw;
                // Another node delivered the same occurrence a moment ago; the unique key kept it to one.
                before++;
                log.LogInformation("Reminder {Key} was delivered by another node at the same time", key);
            }
        }
        return $"{due.Count} due: {delivered} new, {before} delivered before" + (nobody > 0 ? $", {nobody} with no active recipient" : "") + ".";
    }

    /// <summary>Rule, subject, occurrence and recipient. Long ones are shortened to a hash, which is as unique.</summary>
    public static string IdempotencyKey(string ruleKey, ReminderOccurrence occurrence)
    {
        var key = $"{ruleKey}|{occurrence.Subject}|{occurrence.Occurrence}|{occurrence.Recipient.Key}";
        return key.Length <= NotificationConfigurations.KeyLength ? key
            : ruleKey + "|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private async Task<bool> AlreadyDeliveredAsync(string key, CancellationToken cancellationToken) =>
        await db.Set<Notification>().AnyAsync(n => n.IdempotencyKey == key, cancellationToken)
        || await db.Set<OutboxMessage>().AnyAsync(m => m.IdempotencyKey == key, cancellationToken);

    private async Task<bool> StageAsync(string ruleKey, ReminderOccurrence occurrence, string key, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var item = new MailItem(null, occurrence.Body, occurrence.Link);
        if (occurrence.Recipient.UserId is not { } userId)
        {
            var (subject, text, html) = mail.Compose(occurrence.Title, "Sir or Madam", [item], forStaff: false);
            db.Add(Outbox.NewMessage(key, occurrence.Recipient.Email!, "", subject, text, html, nowUtc));
            return true;
        }

        var person = await staff.FindAsync(userId, cancellationToken);
        if (person is null || person.IsDisabled) return false;
        var digest = !occurrence.Urgent && await db.Set<NotificationPreference>().AnyAsync(p => p.UserId == userId && p.DailyDigest, cancellationToken);
        db.Add(new Notification
        {
            Id = Guid.NewGuid(), IdempotencyKey = key, RuleKey = ruleKey, UserId = userId, Title = occurrence.Title, Body = occurrence.Body,
            Link = occurrence.Link, Urgent = occurrence.Urgent, CreatedUtc = nowUtc, AwaitingDigest = digest,
        });
        if (!digest)
        {
            var (subject, text, html) = mail.Compose(occurrence.Title, person.DisplayName, [item], forStaff: true);
            db.Add(Outbox.NewMessage(key, person.Email, person.DisplayName, subject, text, html, nowUtc));
        }
        return true;
    }
}
