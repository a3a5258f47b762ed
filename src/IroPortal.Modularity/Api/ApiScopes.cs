using Microsoft.AspNetCore.Authorization;

namespace IroPortal.Modularity.Api;

// The portal's API (/api/v1) is for the council's own systems, which hold a client registered by an
// administrator and present a bearer token carrying the scopes that client was granted. A module that offers
// an API names its scopes here and marks each action with the one it needs; the OpenId module issues and
// checks the tokens.

/// <summary>Something an API client may be allowed to do ("returns.write"). Names are stable once released:
/// clients are registered against them.</summary>
public sealed record ApiScope(string Name, string Title, string Description);

/// <summary>A module that offers an API lists its scopes.</summary>
public interface IApiScopeProvider
{
    IEnumerable<ApiScope> GetScopes();
}

/// <summary>An API action: bearer tokens only (never a sign-in cookie, so no cross-site request can use it),
/// carrying this scope. Refusals are 401 or 403 problem details, never a redirect.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequireScopeAttribute : AuthorizeAttribute
{
    public const string PolicyPrefix = "Scope:";

    /// <summary>The bearer scheme, which the OpenId module provides (OpenIddict's validation handler).</summary>
    public const string BearerScheme = "OpenIddict.Validation.AspNetCore";

    public RequireScopeAttribute(string scope) : base(PolicyPrefix + scope)
    {
        Scope = scope;
        AuthenticationSchemes = BearerScheme;
    }

    public string Scope { get; }
}

/// <summary>The token must carry the scope; the OpenId module's handler reads the token's scopes.</summary>
public sealed class ScopeRequirement(string scope) : IAuthorizationRequirement
{
    public string Scope { get; } = scope;
}

/// <summary>Where an API answer says what went wrong: RFC 9457 problem details, with "errors" for each
/// problem found in what was sent.</summary>
public sealed record ApiError(string? File, int? Row, string? Column, string Message);
