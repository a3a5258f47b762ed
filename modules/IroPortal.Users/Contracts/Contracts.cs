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
    public const string CouncilAccountLinked = "Council account linked";
    public const string ChildDataRead = "Child-level data read";
    public const string ChildDataDownloaded = "Child-level data downloaded";
    public const string RecordChanged = "Record changed";
}

/// <summary>Someone the council's identity provider has just vouched for.</summary>
/// <param name="Provider">Which provider (its issuer): a subject is unique only within one.</param>
/// <param name="Subject">The provider's stable id for the person (the "sub" claim), never reused.</param>
/// <param name="EmailVerified">The provider confirms the email is the person's; only then may it link an existing account.</param>
/// <param name="UsedMultiFactor">The provider says the person used multi-factor authentication, so the portal does not ask for its own code.</param>
/// <param name="RolesFromGroups">Portal roles the administrator mapped from the person's groups at the provider.</param>
public sealed record ExternalIdentity(string Provider, string ProviderName, string Subject, string? Email, bool EmailVerified, string? Name,
    bool UsedMultiFactor, IReadOnlyList<string> RolesFromGroups);

public enum ExternalSignInOutcome { SignedIn, NeedsCode, Refused }

/// <param name="Reason">For a refusal: what to tell the person (nothing that reveals who has an account).</param>
public sealed record ExternalSignInResult(ExternalSignInOutcome Outcome, string? Reason = null);

/// <summary>Signs in a person the council's provider has authenticated: the provider proves who they are, the portal
/// keeps what they may do.</summary>
public interface IExternalSignIn
{
    Task<ExternalSignInResult> SignInAsync(ExternalIdentity identity, CancellationToken cancellationToken = default);
}

/// <summary>Another way to sign in, offered on the sign-in page (the council's own account).</summary>
public interface IExternalSignInOption
{
    /// <summary>False while it is not configured: then nothing is offered and nothing is required.</summary>
    bool IsAvailable { get; }
    string ButtonText { get; }
    /// <summary>Where the button posts, with the return address as <c>returnUrl</c>.</summary>
    string StartPath { get; }
    /// <summary>Whether someone with these roles must use it rather than a portal password.</summary>
    Task<bool> IsRequiredForAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default);
    /// <summary>Where to go after the portal's session ends to end the provider's too, or null.</summary>
    Task<string?> SignOutPathAsync(CancellationToken cancellationToken = default);
}
