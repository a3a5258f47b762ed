namespace IroPortal.Users.Contracts;

// What other modules may use of this one. They never read its tables.

/// <summary>A member of staff or of the board, as other modules see them.</summary>
/// <param name="Since">When they were added to the portal (UTC).</param>
public sealed record StaffMember(Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, bool IsDisabled, DateTime Since);

public interface IStaffDirectory
{
    /// <summary>Active users holding the role, by name.</summary>
    Task<IReadOnlyList<StaffMember>> InRoleAsync(string role, CancellationToken cancellationToken = default);

    Task<StaffMember?> FindAsync(Guid id, CancellationToken cancellationToken = default);
}

/// <summary>Records who did what, when and from where. Entries are never changed or deleted.</summary>
public interface IAuditTrail
{
    Task RecordAsync(string eventType, string detail, Guid? subjectUserId = null, string? subjectName = null, CancellationToken cancellationToken = default);
}

public static class AuditEventTypes
{
    public const string SignedIn = "Signed in";
    public const string SignInFailed = "Sign-in failed";
    public const string LockedOut = "Locked out";
    public const string SignedOut = "Signed out";
    public const string TwoFactorFailed = "Two-factor code rejected";
    public const string TwoFactorEnabled = "Two-factor set up";
    public const string TwoFactorReset = "Two-factor reset";
    public const string RecoveryCodeUsed = "Recovery code used";
    public const string RecoveryCodesReplaced = "Recovery codes replaced";
    public const string SessionEnded = "Session ended";
    public const string UserCreated = "User created";
    public const string UserChanged = "User changed";
    public const string RolesChanged = "Roles changed";
    public const string UserDisabled = "User disabled";
    public const string UserEnabled = "User enabled";
    public const string PasswordLinkCreated = "Password link created";
    public const string PasswordSet = "Password set";
    public const string PasswordChanged = "Password changed";
    public const string PermissionsChanged = "Permissions changed";
}
