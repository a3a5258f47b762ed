using System.Net;
using IroPortal.Modularity.Permissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IroPortal.Host.Tests;

public sealed class DemoPortal : IAsyncLifetime
{
    public PortalApp App { get; } = new();
    public Dictionary<string, HttpClient> Clients { get; } = [];

    /// <summary>One demo user per role, signed in through the real form, and an anonymous visitor.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Actors = new Dictionary<string, string?>
    {
        ["anonymous"] = null,
        [PortalRoles.Administrator] = "admin@northmoor.example",
        [PortalRoles.IroManager] = "manager@northmoor.example",
        [PortalRoles.Iro] = "iro1@northmoor.example",
        [PortalRoles.BoardMember] = "board1@northmoor.example",
        [PortalRoles.SeniorManager] = "senior@northmoor.example",
        [PortalRoles.BoardClerk] = "clerk@northmoor.example",
    };

    public async Task InitializeAsync()
    {
        foreach (var (actor, email) in Actors)
            Clients[actor] = email is null ? App.NewClient() : await App.SignedInClient(email);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Generated from the running portal's endpoints, not written rule by rule: a new page is covered the
/// moment it exists. Each endpoint must say who may use it, and each role must get exactly that.
/// </summary>
public sealed class AuthorizationMatrixTests(DemoPortal portal, ITestOutputHelper output) : IClassFixture<DemoPortal>
{
    private enum Access { Public, SignedIn, Permission, ApiScope }

    /// <param name="Permissions">Each attribute's alternatives; every attribute must be satisfied by one of its own.</param>
    private sealed record Guarded(RouteEndpoint Endpoint, Access Access, IReadOnlyList<IReadOnlyList<string>> Permissions, IReadOnlyList<string> Methods)
    {
        public override string ToString() => $"{string.Join(",", Methods)} /{Endpoint.RoutePattern.RawText?.TrimStart('/')} ({Endpoint.DisplayName})";
    }

    [Fact]
    public void Every_endpoint_is_authorised_by_a_permission_or_explicitly_open()
    {
        var unguarded = Endpoints().Where(e => e.Access is null).Select(e => e.Endpoint.DisplayName).ToList();
        Assert.True(unguarded.Count == 0, "These endpoints have neither [RequirePermission], [SignedIn] nor [Public]:\n" + string.Join("\n", unguarded));
        Assert.Contains(Endpoints(), e => e.Access == Access.Permission); // the enumeration found real pages
    }

    [Fact]
    public async Task Every_role_gets_exactly_what_its_permissions_allow_on_every_endpoint()
    {
        var defaults = portal.App.Services.GetServices<IPermissionProvider>().SelectMany(p => p.GetDefaultGrants())
            .GroupBy(g => g.Role).ToDictionary(g => g.Key, g => g.SelectMany(x => x.Permissions).ToHashSet());
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in Endpoints().Where(e => e.Access is not null).Select(e => new Guarded(e.Endpoint, e.Access!.Value, e.Permissions, e.Methods)))
        {
            if (IsStaticAsset(endpoint.Endpoint)) continue;
            foreach (var method in endpoint.Methods)
            {
                foreach (var (actor, client) in portal.Clients)
                {
                    var granted = actor != "anonymous" && endpoint.Permissions.All(anyOf => anyOf.Any(p => defaults.GetValueOrDefault(actor)?.Contains(p) == true));
                    var allowed = endpoint.Access switch
                    {
                        // Bearer tokens only: a sign-in cookie, any role's, is not enough (ApiTests check the tokens).
                        Access.ApiScope => false,
                        Access.Public => true,
                        Access.SignedIn => actor != "anonymous",
                        _ => granted,
                    };
                    var url = Url(endpoint.Endpoint.RoutePattern);
                    // No antiforgery token on purpose: an allowed unsafe request must then be refused with 400,
                    // which proves antiforgery is checked on every form.
                    using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
                    checkedCount++;
                    var verdict = endpoint.Access == Access.ApiScope ? JudgeApi(response) : Judge(response, method, allowed, actor);
                    if (verdict is not null)
                        failures.Add($"{actor,-14} {method} {url}: {verdict}");
                }
            }
        }
        output.WriteLine($"{checkedCount} requests checked.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string? Judge(HttpResponseMessage response, string method, bool allowed, string actor)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var toSignIn = status == 302 && location.Contains("/account/sign-in?ReturnUrl=", StringComparison.Ordinal);
        var toDenied = status == 403;
        if (status >= 500) return $"server error {status}";
        if (!allowed)
        {
            if (actor == "anonymous") return toSignIn ? null : $"expected a redirect to sign in, got {status} {location}";
            return toDenied ? null : $"expected access denied (403), got {status} {location}";
        }
        if (toSignIn || toDenied || status is 401 or 403) return $"expected to be let in, got {status} {location}";
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && status != 400)
            return $"an unsafe request without an antiforgery token was not refused (got {status})";
        return null;
    }

    /// <summary>An API endpoint refuses every cookie with 401 problem details: no redirect, no page.</summary>
    private static string? JudgeApi(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? null
            : $"expected 401 problem details for a cookie on an API endpoint, got {(int)response.StatusCode} {response.Content.Headers.ContentType} {response.Headers.Location}";

    private IEnumerable<(RouteEndpoint Endpoint, Access? Access, IReadOnlyList<IReadOnlyList<string>> Permissions, IReadOnlyList<string> Methods)> Endpoints() =>
        portal.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(endpoint =>
        {
            var metadata = endpoint.Metadata;
            var permissions = metadata.OfType<RequirePermissionAttribute>().Select(a => a.AnyOf).ToList();
            // Static files (themes' and modules' wwwroot) are public by nature, the framework's fallback for them included.
            Access? access = metadata.GetMetadata<IAllowAnonymous>() is not null || IsStaticAsset(endpoint) ? Access.Public
                : metadata.OfType<IroPortal.Modularity.Api.RequireScopeAttribute>().Any() ? Access.ApiScope
                : permissions.Count > 0 ? Access.Permission
                : metadata.OfType<SignedInAttribute>().Any() ? Access.SignedIn
                : null;
            var methods = metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() is { Count: > 0 } m ? m : ["GET"];
            return (endpoint, access, (IReadOnlyList<IReadOnlyList<string>>)permissions, (IReadOnlyList<string>)methods);
        }).ToList();

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText?.StartsWith("_content/", StringComparison.Ordinal) == true
        || endpoint.RoutePattern.RawText == "{**path:file}" && endpoint.DisplayName == "Fallback {**path:file}";

    /// <summary>A concrete address for a route pattern: a fresh id for ids (a missing record, which must be
    /// a 404 and never a 500), 404 for a status code, a made-up path for a catch-all.</summary>
    private static string Url(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart { IsCatchAll: true } => "no/such/page",
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "guid") => Guid.NewGuid().ToString(),
            RoutePatternParameterPart parameter when parameter.Name == "status" => "404",
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "int") => "1",
            RoutePatternParameterPart => "sample",
            _ => "",
        })));
        return "/" + string.Join("/", segments);
    }
}
