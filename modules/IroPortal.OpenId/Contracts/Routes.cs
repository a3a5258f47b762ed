namespace IroPortal.OpenId.Contracts;

/// <summary>The names of this module's routes. Links, redirects, menus and reminders ask for a route by name, so a
/// route's address is written once, on its action. Another module or a theme links here by the name's text.</summary>
public static class OpenIdRoutes
{
    public const string CouncilSignInStart = "OpenId.CouncilSignIn.Start";
    public const string TokenExchange = "OpenId.Token.Exchange";
    public const string ApiClients = "OpenId.ApiClients.Index";
    public const string ApiClientsRegister = "OpenId.ApiClients.Register";
    public const string ApiClientsRotate = "OpenId.ApiClients.Rotate";
    public const string ApiClientsRevoke = "OpenId.ApiClients.Revoke";
    public const string ApiClientsRevokeConfirmed = "OpenId.ApiClients.RevokeConfirmed";
    public const string ApiClientsReference = "OpenId.ApiClients.Reference";
    public const string SignInSettings = "OpenId.SignInSettings.Index";
    public const string SignInSettingsPolicy = "OpenId.SignInSettings.Policy";
    public const string SignInSettingsAddGroup = "OpenId.SignInSettings.AddGroup";
    public const string SignInSettingsRemoveGroup = "OpenId.SignInSettings.RemoveGroup";
}
