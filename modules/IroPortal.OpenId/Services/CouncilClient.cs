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

        if (council.Provider == CouncilProvider.Microsoft)
        {
            client.UseWebProviders().AddMicrosoft(microsoft => microsoft
                .SetClientId(council.ClientId!)
                .SetClientSecret(council.ClientSecret!)
                .SetTenant(council.Tenant!)
                .SetRedirectUri(CouncilSignInOptions.CallbackPath)
                .SetPostLogoutRedirectUri(CouncilSignInOptions.SignedOutPath)
                .AddScopes(Scopes.Email, Scopes.Profile));
            return;
        }
        client.AddRegistration(new OpenIddict.Client.OpenIddictClientRegistration
        {
            Issuer = new Uri(council.Issuer!, UriKind.Absolute),
            ProviderName = council.ProviderName,
            ProviderDisplayName = council.DisplayName,
            ClientId = council.ClientId,
            ClientSecret = council.ClientSecret,
            RedirectUri = new Uri(CouncilSignInOptions.CallbackPath, UriKind.Relative),
            PostLogoutRedirectUri = new Uri(CouncilSignInOptions.SignedOutPath, UriKind.Relative),
            Scopes = { Scopes.Email, Scopes.Profile },
        });
    }
}
