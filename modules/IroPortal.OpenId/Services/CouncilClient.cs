using Microsoft.Extensions.DependencyInjection;
using System.Security.Cryptography.X509Certificates;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IroPortal.OpenId.Services;

/// <summary>OpenIddict's client, for staff signing in with the council's account: the authorisation code flow with
/// PKCE (OpenIddict sends a code challenge whenever the provider supports one), its state and nonce checked and
/// each state usable once.</summary>
internal static class CouncilClient
{
    public static void Configure(OpenIddictClientBuilder client, CouncilSignInOptions council, (X509Certificate2? Signing, X509Certificate2? Encryption) keys, bool httpAllowed)
    {
        client.AllowAuthorizationCodeFlow();
        TokenKeys.Add(client, keys);
        client.SetRedirectionEndpointUris(CouncilSignInOptions.CallbackPath);
        client.SetPostLogoutRedirectionEndpointUris(CouncilSignInOptions.SignedOutPath);
        // Errors pass through too, so a refused or unreachable sign-in is the portal's own plain page, not OpenIddict's text.
        var aspNet = client.UseAspNetCore().EnableRedirectionEndpointPassthrough().EnablePostLogoutRedirectionEndpointPassthrough().EnableErrorPassthrough();
        if (httpAllowed) aspNet.DisableTransportSecurityRequirement();
        client.UseSystemNetHttp();
        var certificate = TokenKeys.Load(council.ClientCertificatePath, council.ClientCertificatePassword, "OpenId:SignIn:ClientCertificatePath");

        if (council.Provider == CouncilProvider.Microsoft)
        {
            client.UseWebProviders().AddMicrosoft(microsoft =>
            {
                microsoft.SetClientId(council.ClientId!)
                    .SetTenant(council.Tenant!)
                    .SetRedirectUri(CouncilSignInOptions.CallbackPath)
                    .SetPostLogoutRedirectUri(CouncilSignInOptions.SignedOutPath)
                    .AddScopes(Scopes.Email, Scopes.Profile);
                if (certificate is not null) microsoft.SetSigningCertificate(certificate);
                else microsoft.SetClientSecret(council.ClientSecret!);
            });
            return;
        }
        var registration = new OpenIddict.Client.OpenIddictClientRegistration
        {
            Issuer = new Uri(council.Issuer!, UriKind.Absolute),
            ProviderName = council.ProviderName,
            ProviderDisplayName = council.DisplayName,
            ClientId = council.ClientId,
            ClientSecret = certificate is null ? council.ClientSecret : null,
            RedirectUri = new Uri(CouncilSignInOptions.CallbackPath, UriKind.Relative),
            PostLogoutRedirectUri = new Uri(CouncilSignInOptions.SignedOutPath, UriKind.Relative),
            Scopes = { Scopes.Email, Scopes.Profile },
        };
        // With a certificate the portal signs a client assertion (private_key_jwt) instead of sending a secret.
        if (certificate is not null) registration.SigningCredentials.Add(new Microsoft.IdentityModel.Tokens.X509SigningCredentials(certificate));
        client.AddRegistration(registration);
    }
}
