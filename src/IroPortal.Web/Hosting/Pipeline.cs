using System.Text.Json;
using System.Net;
using IroPortal.Modularity.Hosting;
using IroPortal.Modularity.Permissions;
using IroPortal.Users;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace IroPortal.Web.Hosting;

public static class Pipeline
{
    /// <summary>A friendly page instead of a stack trace or a bare status code.</summary>
    public static void UsePortalErrorPages(this WebApplication app)
    {
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
}
