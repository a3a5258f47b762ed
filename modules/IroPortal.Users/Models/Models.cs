using Microsoft.AspNetCore.Identity;

namespace IroPortal.Users.Models;

public sealed class PortalUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? LastSignInUtc { get; set; }

    /// <summary>A disabled user cannot sign in, and their open sessions end at their next request.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>The last authenticator time step accepted, so that a code works once only.</summary>
    public long? LastTotpTimeStep { get; set; }
}

public sealed class PortalRole : IdentityRole<Guid>
{
    public string Description { get; set; } = "";
}

/// <summary>A role's grant of a permission. Changed by an administrator on the roles page.</summary>
public sealed class RolePermission
{
    public Guid RoleId { get; set; }
    public string Permission { get; set; } = "";
}

/// <summary>A permission whose default grants have been applied once; after that an administrator's
/// choice stands, even when they take a default away.</summary>
public sealed class KnownPermission
{
    public string Name { get; set; } = "";
    public DateTime FirstSeenUtc { get; set; }
}

/// <summary>An entry in the audit trail. Written once, never changed or deleted.</summary>
public sealed class AuditEvent
{
    public Guid Id { get; set; }
    public DateTime OccurredUtc { get; set; }
    public string EventType { get; set; } = "";
    public Guid? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public Guid? SubjectUserId { get; set; }
    public string SubjectName { get; set; } = "";
    public string Detail { get; set; } = "";
    public string IpAddress { get; set; } = "";
}

/// <summary>A signed-in session, kept on the server: the cookie holds only a random key, and this row (found by the
/// key's hash) holds the sign-in itself. Deleting the row ends the session on every node at its next request.</summary>
public sealed class UserSession
{
    /// <summary>SHA-256 of the cookie's key, so the table cannot be turned back into working cookies.</summary>
    public string Id { get; set; } = "";
    public Guid UserId { get; set; }
    public DateTime SignedInUtc { get; set; }
    public DateTime LastSeenUtc { get; set; }
    /// <summary>When the person last gave their password (and code) for this session: at sign-in, or to change a
    /// security setting.</summary>
    public DateTime ConfirmedUtc { get; set; }
    /// <summary>Browser and system, read from the user agent: "Firefox on Windows".</summary>
    public string Device { get; set; } = "";
    public string IpAddress { get; set; } = "";
    /// <summary>The authentication ticket, encrypted with the portal's data-protection keys.</summary>
    public byte[] Ticket { get; set; } = [];
}

/// <summary>Failed sign-ins for one account (or unknown email) from one address. After five the pair waits
/// fifteen minutes; nobody elsewhere is affected, so nobody can lock a colleague out.</summary>
public sealed class SignInFailure
{
    /// <summary>SHA-256 of the normalised email and the address.</summary>
    public string Id { get; set; } = "";
    public Guid? UserId { get; set; }
    public string IpAddress { get; set; } = "";
    public int Failures { get; set; }
    public DateTime LastFailedUtc { get; set; }
    public DateTime? HeldUntilUtc { get; set; }
}
