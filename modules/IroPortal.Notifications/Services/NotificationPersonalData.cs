using IroPortal.Data;
using IroPortal.Modularity.PersonalData;
using IroPortal.Notifications.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Notifications.Services;

/// <summary>Notifications in the portal and emails in the outbox: addressed to people, and may name a case.</summary>
internal sealed partial class NotificationPersonalData(PortalDbContext db) : IRetentionSource, IPersonalDataSource
{
    /// <summary>A feedback or password link in an email still works: the search shows where it went, not the link itself.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(/(?:feedback|account/[a-z-]+)/)[A-Za-z0-9_\-]{16,}")]
    private static partial System.Text.RegularExpressions.Regex SingleUseLinks();

    private const string InPortal = "notifications.in-portal", Outbox = "notifications.outbox";
    private const string NotificationKind = "Notification", EmailKind = "Email";

    public string Name => "Notifications";

    public IReadOnlyList<RetainedKind> Kinds { get; } =
    [
        new(InPortal, "Notifications", "Reminders and messages shown to staff in the portal, read or not.", "From when the notification was made", 365, Disposal.Deleted, "the notification is deleted."),
        new(Outbox, "Sent emails", "Emails the portal sent or gave up sending (feedback links, reminders, digests): the address, the subject and the words.",
            "From when the email was written (emails still waiting to go are kept)", 90, Disposal.Deleted, "the email is deleted from the outbox."),
    ];

    public Task<int> CountPastAsync(string kind, DateTime cutoffUtc, CancellationToken cancellationToken = default) => kind switch
    {
        InPortal => db.Set<Notification>().CountAsync(n => n.CreatedUtc < cutoffUtc, cancellationToken),
        Outbox => PastEmails(cutoffUtc).CountAsync(cancellationToken),
        _ => Task.FromResult(0),
    };

    public Task<int> DisposeAsync(string kind, DateTime cutoffUtc, CancellationToken cancellationToken = default) => kind switch
    {
        InPortal => db.Set<Notification>().Where(n => n.CreatedUtc < cutoffUtc).ExecuteDeleteAsync(cancellationToken),
        Outbox => PastEmails(cutoffUtc).ExecuteDeleteAsync(cancellationToken),
        _ => Task.FromResult(0),
    };

    public async Task<IReadOnlyList<PersonalRecord>> FindAsync(PersonalDataQuery query, CancellationToken cancellationToken = default)
    {
        var t = query.Lower;
        var emails = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ToAddress.ToLower() == t || m.Subject.ToLower().Contains(t) || m.TextBody.ToLower().Contains(t))
            .OrderBy(m => m.CreatedUtc).ToListAsync(cancellationToken);
        var notifications = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.Title.ToLower().Contains(t) || n.Body.ToLower().Contains(t))
            .OrderBy(n => n.CreatedUtc).ToListAsync(cancellationToken);
        return
        [
            .. emails.Select(m => new PersonalRecord(EmailKind, m.Id.ToString(), m.Subject, m.CreatedUtc,
                [new("To", $"{m.ToName} <{m.ToAddress}>".Trim()), new("Status", m.Status.ToString()), new("Words", SingleUseLinks().Replace(m.TextBody, "$1…"))],
                m.Status == OutboxStatus.Pending ? "The email is deleted from the outbox and will not be sent." : "The email is deleted from the outbox.")),
            .. notifications.Select(n => new PersonalRecord(NotificationKind, n.Id.ToString(), n.Title, n.CreatedUtc,
                [new("Words", n.Body), new("Read", n.ReadUtc is null ? "Not yet" : "Yes")], "The notification is deleted.")),
        ];
    }

    public async Task<bool> EraseAsync(PersonalDataQuery query, string kind, string id, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(id, out var key)) return false;
        return kind switch
        {
            EmailKind => await db.Set<OutboxMessage>().Where(m => m.Id == key).ExecuteDeleteAsync(cancellationToken) > 0,
            NotificationKind => await db.Set<Notification>().Where(n => n.Id == key).ExecuteDeleteAsync(cancellationToken) > 0,
            _ => false,
        };
    }

    private IQueryable<OutboxMessage> PastEmails(DateTime cutoffUtc) =>
        db.Set<OutboxMessage>().Where(m => m.CreatedUtc < cutoffUtc && m.Status != OutboxStatus.Pending);
}
