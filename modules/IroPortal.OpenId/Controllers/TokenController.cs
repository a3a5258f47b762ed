using System.Security.Claims;
using IroPortal.Modularity.Permissions;
using IroPortal.OpenId.Contracts;
using IroPortal.OpenId.Services;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IroPortal.OpenId.Controllers;

/// <summary>The token endpoint, after OpenIddict has checked the client's id and secret and that it may have the
/// scopes it asked for: the token names the client and carries those scopes, for the portal's API only.</summary>
[Public, IgnoreAntiforgeryToken] // a machine's form post with its own credentials; no cookie is read or set
public sealed class TokenController(IOpenIddictApplicationManager applications, ApiClients clients) : Controller
{
    public const string Audience = "iroportal-api";

    [HttpPost("~/connect/token", Name = OpenIdRoutes.TokenExchange), Produces("application/json")]
    public async Task<IActionResult> Exchange()
    {
        var request = HttpContext.GetOpenIddictServerRequest();
        if (request is null) return BadRequest();
        if (!request.IsClientCredentialsGrantType())
            return Refuse(Errors.UnsupportedGrantType, "This portal issues tokens only with the client-credentials grant.");
        var application = await applications.FindByClientIdAsync(request.ClientId!, HttpContext.RequestAborted);
        if (application is null)
            return Refuse(Errors.InvalidClient, "No API client has this id.");

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, HttpContext.RequestAborted));
        identity.SetScopes(request.GetScopes());
        identity.SetResources(Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        await clients.UsedAsync(request.ClientId!, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private ForbidResult Refuse(string error, string description) => Forbid(
        new Microsoft.AspNetCore.Authentication.AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
