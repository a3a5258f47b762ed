using System.Threading.RateLimiting;
using IroPortal.Modularity.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace IroPortal.OpenId.Services;

/// <summary>The token carries the scope the action needs.</summary>
internal sealed class ScopeHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.User.HasScope(requirement.Scope)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>An API action refused by authorisation answers 401 (no token, or one that is expired, revoked or not the
/// portal's) or 403 (the token lacks the scope) with problem details and a Bearer challenge: never a redirect to
/// the sign-in page, whatever cookie came with the request.</summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly Microsoft.AspNetCore.Authorization.Policy.AuthorizationMiddlewareResultHandler _pages = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult result)
    {
        var scopes = context.GetEndpoint()?.Metadata.GetOrderedMetadata<RequireScopeAttribute>().Select(s => s.Scope).ToList() ?? [];
        if (scopes.Count == 0 || result.Succeeded)
        {
            await _pages.HandleAsync(next, context, policy, result);
            return;
        }
        var status = result.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        context.Response.StatusCode = status;
        context.Response.Headers.WWWAuthenticate = result.Forbidden
            ? $"Bearer error=\"insufficient_scope\", scope=\"{string.Join(' ', scopes)}\""
            : "Bearer";
        await ApiProblems.WriteAsync(context, ApiProblems.For(status, scopes));
    }
}

/// <summary>
/// Under /api every answer is JSON: a refusal or failure without a body of its own gets RFC 9457 problem details
/// (401 and 403 included, never the HTML error page or a redirect), and an unexpected error is logged and said
/// in words, without a stack trace.
/// </summary>
internal sealed class ApiProblemsMiddleware(RequestDelegate next, ILogger<ApiProblemsMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        context.Response.Headers.CacheControl = "no-store";
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var status = ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            if (status >= 500) logger.LogError(ex, "API request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = status;
        }
        var response = context.Response;
        if (response.HasStarted || response.StatusCode < 400 || response.ContentType is not null || response.ContentLength > 0) return;
        await ApiProblems.WriteAsync(context, ApiProblems.For(response.StatusCode, context.GetEndpoint()?.Metadata.GetOrderedMetadata<RequireScopeAttribute>().Select(s => s.Scope).ToList() ?? []));
    }
}

internal static class ApiProblems
{
    // Written directly: the framework's problem-details writers defer to MVC's for actions that declare
    // problem responses, and that one writes nothing outside an action.
    public static Task WriteAsync(HttpContext context, ProblemDetails problem) =>
        context.Response.WriteAsJsonAsync(problem, problem.GetType(), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");

    public static ProblemDetails For(int status, IReadOnlyList<string> scopes) => new()
    {
        Status = status,
        Title = status switch
        {
            401 => "A bearer token is needed",
            403 => "This client may not do this",
            404 => "Not found",
            405 => "Method not allowed",
            413 => "Too large",
            415 => "Unsupported media type",
            429 => "Too many requests",
            >= 500 => "The portal could not finish this request",
            _ => "The request was not accepted",
        },
        Detail = status switch
        {
            401 => "Send \"Authorization: Bearer <token>\" with a token from POST /connect/token (grant_type=client_credentials with the client's id and secret). Tokens are short-lived: ask for a new one when this comes back.",
            403 => scopes.Count > 0 ? $"The token does not carry the scope this needs: {string.Join(", ", scopes)}. An administrator grants scopes at /admin/api-clients." : "The token does not allow this.",
            404 => "Nothing is at this address. The API's reference lists what is.",
            413 => "The request is larger than the portal accepts. Nothing was changed.",
            429 => "This client has made too many requests this minute. Wait for the time in Retry-After and try again.",
            >= 500 => "Nothing was changed. The portal's log has the details, for the engineer on call.",
            _ => null,
        },
    };
}

/// <summary>Each API client's requests a minute on this node; beyond that, 429 with Retry-After.</summary>
internal sealed class ApiRateLimitFilter : IAsyncResourceFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ApiRateLimitFilter(IOptions<OpenIdOptions> options)
    {
        var perMinute = Math.Max(1, options.Value.ApiRequestsPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (!context.ActionDescriptor.EndpointMetadata.OfType<RequireScopeAttribute>().Any())
        {
            await next();
            return;
        }
        var client = context.HttpContext.User.GetClaim(OpenIddictConstants.Claims.Subject) ?? "";
        using var lease = _limiter.AttemptAcquire(client);
        if (!lease.IsAcquired)
        {
            if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Result = new ObjectResult(ApiProblems.For(StatusCodes.Status429TooManyRequests, [])) { StatusCode = StatusCodes.Status429TooManyRequests, ContentTypes = { "application/problem+json" } };
            return;
        }
        await next();
    }

    public void Dispose() => _limiter.Dispose();
}
