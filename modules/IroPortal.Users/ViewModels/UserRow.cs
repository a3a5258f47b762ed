namespace IroPortal.Users.ViewModels;

public sealed record UserRow(Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, bool TwoFactorEnabled, bool IsDisabled, bool IsLockedOut, DateTime? LastSignInUtc);
