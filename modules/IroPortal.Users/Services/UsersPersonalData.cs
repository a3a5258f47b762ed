using IroPortal.Data;
using IroPortal.Modularity.PersonalData;
using IroPortal.Users.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Users.Services;

/// <summary>Accounts by email address, and the audit trail's entries that mention the term. Neither is erased here:
/// an account is disabled by an administrator, and the audit trail is changed by nobody; its entries go only when
/// their retention period ends.</summary>
internal sealed class UsersPersonalData(PortalDbContext db) : IRetentionSource, IPersonalDataSource
{
    private const string Audit = "users.audit-trail";
    private const int MostEntries = 200;

    public string Name => "Users and the audit trail";

    public IReadOnlyList<RetainedKind> Kinds { get; } =
    [
        new(Audit, "The audit trail", "Who did what, when and from which address: sign-ins, changes in every module, and every read or export of children's records.",
            "From when it happened", 2190, Disposal.Deleted, "the entry is deleted. Nothing else ever changes or deletes one."),
    ];

    public Task<int> CountPastAsync(string kind, DateTime cutoffUtc, CancellationToken cancellationToken = default) =>
        kind == Audit ? db.Set<AuditEvent>().CountAsync(e => e.OccurredUtc < cutoffUtc, cancellationToken) : Task.FromResult(0);

    /// <summary>A bulk delete, outside the change tracker that <see cref="AuditTrailGuard"/> watches: the only way an entry goes.</summary>
    public Task<int> DisposeAsync(string kind, DateTime cutoffUtc, CancellationToken cancellationToken = default) =>
        kind == Audit ? db.Set<AuditEvent>().Where(e => e.OccurredUtc < cutoffUtc).ExecuteDeleteAsync(cancellationToken) : Task.FromResult(0);

    public async Task<IReadOnlyList<PersonalRecord>> FindAsync(PersonalDataQuery query, CancellationToken cancellationToken = default)
    {
        var t = query.Lower;
        var found = new List<PersonalRecord>();
        if (query.LooksLikeEmail)
        {
            var users = await db.Set<PortalUser>().AsNoTracking().Where(u => u.NormalizedEmail == t.ToUpperInvariant()).ToListAsync(cancellationToken);
            found.AddRange(users.Select(u => new PersonalRecord("Portal account", u.Id.ToString(), u.DisplayName, u.CreatedUtc,
                [new("Email", u.Email ?? ""), new("Last signed in", u.LastSignInUtc is { } last ? Modularity.UkTime.Format(last) : "Never"), new("Disabled", u.IsDisabled ? "Yes" : "No")],
                null, "Disable the account on the Users page instead: a staff account and its sign-in history are kept for security.")));
        }
        var entries = await db.Set<AuditEvent>().AsNoTracking()
            .Where(e => e.Detail.ToLower().Contains(t) || e.ActorName.ToLower() == t || e.SubjectName.ToLower() == t)
            .OrderByDescending(e => e.OccurredUtc).Take(MostEntries).ToListAsync(cancellationToken);
        found.AddRange(entries.Select(e => new PersonalRecord("Audit trail entry", e.Id.ToString(), e.EventType, e.OccurredUtc,
            [new("Who", e.ActorName), new("About", e.SubjectName), new("Detail", e.Detail), new("From", e.IpAddress)],
            null, "The audit trail cannot be changed; its entries go when their retention period ends.")));
        return found;
    }

    public Task<bool> EraseAsync(PersonalDataQuery query, string kind, string id, CancellationToken cancellationToken = default) => Task.FromResult(false);
}
