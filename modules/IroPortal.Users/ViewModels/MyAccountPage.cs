namespace IroPortal.Users.ViewModels;

public sealed record MyAccountPage(string DisplayName, string Email, IReadOnlyList<string> Roles, bool TwoFactorEnabled, int RecoveryCodesLeft, bool TwoFactorRequired);
