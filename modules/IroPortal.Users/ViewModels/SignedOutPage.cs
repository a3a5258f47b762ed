namespace IroPortal.Users.ViewModels;

/// <param name="ReturnUrl">Where the person was going when their session ended, for "Sign in again".</param>
public sealed record SignedOutPage(string? ReturnUrl);
