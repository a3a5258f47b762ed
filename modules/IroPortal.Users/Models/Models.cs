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
