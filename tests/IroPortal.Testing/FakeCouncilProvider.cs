using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IroPortal.Testing;

/// <summary>
/// A council's identity provider for the tests: a real OpenID Connect server (OpenIddict) on a loopback port with
/// discovery, the authorisation endpoint (PKCE required), the token endpoint and sign-out. Whoever the test says
/// is at the browser is signed in at once; the test can also make it misbehave.
/// </summary>
public sealed class FakeCouncilProvider : IAsyncDisposable
{
    public const string ClientId = "iroportal";
    public const string ClientSecret = "provider-secret-for-the-tests";

    /// <summary>Who the provider says is signing in. Null: the person cancels (access_denied).</summary>
    public sealed record Person(string Subject, string? Email, bool EmailVerified = true, string Name = "Test Person", string[]? Amr = null, string[]? Groups = null);

    public Person? SignedInAs { get; set; }
    /// <summary>Issue identity tokens for another client instead of the portal.</summary>
    public string? AudienceOverride { get; set; }
    public int SignOuts => _signOuts;
    public Uri Issuer { get; private set; } = null!;

    private int _signOuts;
    private WebApplication _app = null!;

    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);

    /// <param name="claimedIssuer">An issuer other than its own address: what an impostor would claim.</param>
    public static async Task<FakeCouncilProvider> StartAsync(string? claimedIssuer = null)
    {
        var fake = new FakeCouncilProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var database = Path.Combine(TestPaths.Scratch, $"provider-{Guid.NewGuid():N}.db");
        builder.Services.AddDbContext<ProviderDb>(db => db.UseSqlite($"Data Source={database}").UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetEndSessionEndpointUris("connect/logout");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(Scopes.Email, Scopes.Profile);
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                if (claimedIssuer is not null) server.SetIssuer(new Uri(claimedIssuer));
                server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableEndSessionEndpointPassthrough().DisableTransportSecurityRequirement();
                server.AddEventHandler<OpenIddictServerEvents.ProcessSignInContext>(handler => handler
                    .UseInlineHandler(context =>
                    {
                        if (fake.AudienceOverride is { } audience && context.IdentityTokenPrincipal is { } principal) principal.SetAudiences(audience);
                        return default;
                    })
                    .SetOrder(OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order + 1));
            });
        var app = builder.Build();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest()!;
            if (fake.SignedInAs is not { } person)
                return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, person.Subject).SetClaim(Claims.Name, person.Name);
            if (person.Email is not null) identity.SetClaim(Claims.Email, person.Email).SetClaim(Claims.EmailVerified, person.EmailVerified);
            identity.SetClaims(Claims.AuthenticationMethodReference, [.. person.Amr ?? ["pwd"]]);
            identity.SetClaims("groups", [.. person.Groups ?? []]);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], () =>
        {
            Interlocked.Increment(ref fake._signOuts);
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
        using (var scope = app.Services.CreateScope()) await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        await app.StartAsync();
        fake._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Issuer = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Registers the portal at this address as the provider's client, as the council's administrator would.</summary>
    public Task RegisterPortalAsync(params string[] portalAddresses) => RegisterPortalAsync(null, portalAddresses);

    /// <param name="certificate">The portal proves itself with this certificate's key rather than the secret.</param>
    public async Task RegisterPortalAsync(System.Security.Cryptography.X509Certificates.X509Certificate2? certificate, params string[] portalAddresses)
    {
        using var scope = _app.Services.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(ClientId) is { } existing) await applications.DeleteAsync(existing);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId, ClientSecret = certificate is null ? ClientSecret : null, ClientType = ClientTypes.Confidential,
            JsonWebKeySet = certificate is null ? null : new JsonWebKeySet { Keys = { JsonWebKeyConverter.ConvertFromX509SecurityKey(new X509SecurityKey(certificate), representAsRsaKey: true) } },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var portal in portalAddresses)
        {
            descriptor.RedirectUris.Add(new Uri($"{portal.TrimEnd('/')}/account/council/callback"));
            descriptor.PostLogoutRedirectUris.Add(new Uri($"{portal.TrimEnd('/')}/account/council/signed-out"));
        }
        await applications.CreateAsync(descriptor);
    }

    /// <summary>The portal's settings for this provider.</summary>
    public Dictionary<string, string?> PortalSettings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OpenId:SignIn:Provider"] = "OpenIdConnect",
            ["OpenId:SignIn:Issuer"] = Issuer.ToString(),
            ["OpenId:SignIn:ClientId"] = ClientId,
            ["OpenId:SignIn:ClientSecret"] = ClientSecret,
            ["OpenId:SignIn:DisplayName"] = "your Northmoor Council account",
        };
        foreach (var (key, value) in more ?? []) settings[key] = value;
        return settings;
    }

    /// <summary>The provider goes down.</summary>
    public async Task StopAsync() => await _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
