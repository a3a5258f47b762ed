namespace IroPortal.Users.ViewModels;

public sealed record UserStatus(Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, bool TwoFactorEnabled,
    bool IsDisabled, bool IsLockedOut, bool IsSelf, DateTime CreatedUtc, DateTime? LastSignInUtc);
