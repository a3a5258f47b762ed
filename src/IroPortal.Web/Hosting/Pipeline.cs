using System.Diagnostics;
using System.Net;
using System.Text.Json;
using IroPortal.Modularity;
using IroPortal.Modularity.Hosting;
using IroPortal.Modularity.Permissions;
using IroPortal.Users;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IroPortal.Web.Hosting;

public static class Pipeline
{
    /// <summary>A friendly page instead of a stack trace or a bare status code.</summary>
    public static void UsePortalErrorPages(this WebApplication app)
    {
        app.Use(LastResort);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", StatusCodeSelector = RequestFailures.StatusOf });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
    }

    /// <summary>/health: for load balancers and the engineer on call. Anyone may ask whether the portal is healthy;
    /// which check failed and why (database, schema) is told only to administrators and to the machine itself
    /// (the loopback address), and never names a server, user or connection string.</summary>
    public static void MapPortalHealth(this WebApplication app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                context.Response.Headers.CacheControl = "no-store";
                object body = await MayReadHealthDetails(context)
                    ? new
                    {
                        status = report.Status.ToString(),
                        checks = report.Entries.ToDictionary(e => e.Key, e => new
                        {
                            status = e.Value.Status.ToString(),
                            description = e.Value.Description,
                            data = e.Value.Data,
                        }),
                    }
                    : new { status = report.Status.ToString() };
                await context.Response.WriteAsync(JsonSerializer.Serialize(body));
            },
        }).AllowAnonymous();

    private static async Task<bool> MayReadHealthDetails(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        || context.User.Identity?.IsAuthenticated == true
           && await context.RequestServices.GetRequiredService<IPermissionChecker>().IsGrantedAsync(context.User, UsersPermissions.ManageUsers);

    /// <summary>When the error page itself fails (the database is away, and even knowing who is signed in needs it),
    /// a page that needs nothing but the council's name: the same words, the security headers, and a reference the
    /// engineer on call can find in the log.</summary>
    private static async Task LastResort(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var reference = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("IroPortal.Errors")
                .LogError(ex, "The error page failed too on {Path}; reference {Reference}", context.Request.Path, reference);
            var council = WebUtility.HtmlEncode(context.RequestServices.GetRequiredService<IOptions<CouncilOptions>>().Value.Name);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            SecurityHosting.SetHeaders(context.Response.Headers);
            await context.Response.WriteAsync($$"""
                <!DOCTYPE html>
                <html lang="en" class="govuk-template">
                <head><meta charset="utf-8"><title>Sorry, there is a problem with the service – {{council}}</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="/_content/IroPortal.Themes.Public/lib/theme.css"></head>
                <body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
                <h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1>
                <p class="govuk-body">Try again later. Anything you entered has not been saved.</p>
                <p class="govuk-body">If it keeps happening, contact the portal's administrator and give them this reference: <strong>{{reference}}</strong></p>
                </main></div></body></html>
                """);
        }
    }
}
