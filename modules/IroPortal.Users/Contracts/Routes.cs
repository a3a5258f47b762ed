namespace IroPortal.Users.Contracts;

/// <summary>The names of this module's routes. Links, redirects, menus and reminders ask for a route by name, so a
/// route's address is written once, on its action. Another module or a theme links here by the name's text.</summary>
public static class AccountRoutes
{
    public const string TwoFactor = "Users.TwoFactor.Index";
    public const string TwoFactorSetUp = "Users.TwoFactor.SetUp";
    public const string TwoFactorReset = "Users.TwoFactor.Reset";
    public const string TwoFactorNewRecoveryCodes = "Users.TwoFactor.NewRecoveryCodes";
    public const string TwoFactorSessions = "Users.TwoFactor.Sessions";
    public const string TwoFactorEndSession = "Users.TwoFactor.EndSession";
    public const string TwoFactorEndOtherSessions = "Users.TwoFactor.EndOtherSessions";
    public const string TwoFactorChangePassword = "Users.TwoFactor.ChangePassword";
    public const string UsersAdmin = "Users.UsersAdmin.Index";
    public const string UsersAdminCreate = "Users.UsersAdmin.Create";
    public const string UsersAdminEdit = "Users.UsersAdmin.Edit";
    public const string UsersAdminDisable = "Users.UsersAdmin.Disable";
    public const string UsersAdminEnable = "Users.UsersAdmin.Enable";
    public const string UsersAdminResetTwoFactor = "Users.UsersAdmin.ResetTwoFactor";
    public const string UsersAdminCreatePasswordLink = "Users.UsersAdmin.CreatePasswordLink";
    public const string RolesAdmin = "Users.RolesAdmin.Index";
    public const string RolesAdminSave = "Users.RolesAdmin.Save";
    public const string AccountSignIn = "Users.Account.SignIn";
    public const string AccountTwoFactor = "Users.Account.TwoFactor";
    public const string AccountRecoveryCode = "Users.Account.RecoveryCode";
    public const string AccountSignOutUser = "Users.Account.SignOutUser";
    public const string AccountSignedOut = "Users.Account.SignedOut";
    public const string AccountConfirm = "Users.Account.Confirm";
    public const string AccountSetPassword = "Users.Account.SetPassword";
    public const string Audit = "Users.Audit.Index";
    public const string AuditCsv = "Users.Audit.Csv";
}
