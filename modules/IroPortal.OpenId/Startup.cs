using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Api;
using IroPortal.Modularity.Hosting;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using IroPortal.OpenId.Controllers;
using IroPortal.OpenId.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIddict.Server;

namespace IroPortal.OpenId;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        var section = context.Configuration.GetSection("OpenId");
        var options = section.Get<OpenIdOptions>() ?? new OpenIdOptions();
        services.Configure<OpenIdOptions>(section);
        // Plain HTTP only where cookies may travel over it too: the demo on localhost and tests on loopback.
        var httpAllowed = SecurityHosting.SecureCookies(context.Configuration) != Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;
        var keys = TokenKeys.Load(options, context.Environment);
        if ((keys.Signing is null || keys.Encryption is null) && !context.Environment.IsDevelopment())
            services.AddHostedService<TokenKeysWarning>();
        var councilSection = section.GetSection("SignIn");
        var council = councilSection.Get<CouncilSignInOptions>() ?? new CouncilSignInOptions();
        council.Check(context.Environment.IsProduction());
        services.Configure<CouncilSignInOptions>(councilSection);

        var openIddict = services.AddOpenIddict();
        openIddict
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<PortalDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("connect/token");
                server.AllowClientCredentialsFlow();
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(Math.Max(1, options.AccessTokenMinutes)));
                TokenKeys.Add(server, keys);
                var aspNet = server.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (httpAllowed) aspNet.DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.AddAudiences(TokenController.Audience);
                // Every request checks the token's record, so revoking a client or rotating its secret stops its tokens at once.
                validation.EnableTokenEntryValidation();
            });
        if (council.IsConfigured)
        {
            openIddict.AddClient(client => CouncilClient.Configure(client, council, keys, httpAllowed));
            // The sign-in and sign-out forms' redirects go on to the provider, which the content security policy must allow.
            services.AddSingleton(new FormActionOrigin(council.Origin));
        }

        // The scopes are the modules' own (IApiScopeProvider), known once the container is built.
        services.AddOptions<OpenIddictServerOptions>().Configure<IEnumerable<IApiScopeProvider>>((server, providers) =>
            server.Scopes.UnionWith(providers.SelectMany(p => p.GetScopes()).Select(s => s.Name)));

        services.AddOpenApi("v1", openApi =>
        {
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "IroPortal API";
                document.Info.Description = "For the council's own systems. Bearer tokens from POST /connect/token (client credentials); refusals and problems are RFC 9457 problem details.";
                return Task.CompletedTask;
            });
        });
        services.AddSingleton<ApiRateLimitFilter>();
        services.Configure<MvcOptions>(mvc => mvc.Filters.AddService<ApiRateLimitFilter>());
        services.AddSingleton<IAuthorizationHandler, ScopeHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        services.AddScoped<ApiClients>();
        services.AddScoped<CouncilSignIn>();
        services.AddScoped<IroPortal.Users.Contracts.IExternalSignInOption>(provider => provider.GetRequiredService<CouncilSignIn>());
        services.AddScoped<IroPortal.Modularity.PersonalData.IRetentionSource, TokenRetention>();

        services.AddSingleton<IPermissionProvider, OpenIdPermissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
    }

    public override void ConfigureRequestPipeline(IApplicationBuilder app) => app.UseMiddleware<ApiProblemsMiddleware>();

    /// <summary>The API's OpenAPI document, for administrators to hand to the council's developers.</summary>
    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapOpenApi("/api/v1/openapi.json").WithMetadata(new RequirePermissionAttribute(OpenIdPermissions.ManageApiClients));
}
