namespace IroPortal.Users.ViewModels;

public sealed record PasswordLinkPage(Guid UserId, string DisplayName, string Email, string Link, bool NewUser, DateTime ExpiresUtc);
