using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace IroPortal.Web.Hosting;

public static class Pipeline
{
    /// <summary>A friendly page instead of a stack trace or a bare status code.</summary>
    public static void UsePortalErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
    }

    /// <summary>/health: for load balancers and the engineer on call. Says whether the database answers and
    /// its schema is current; names no server, user or connection string.</summary>
    public static void MapPortalHealth(this WebApplication app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(JsonSerializer.Serialize(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new
                    {
                        status = e.Value.Status.ToString(),
                        description = e.Value.Description,
                        data = e.Value.Data,
                    }),
                }));
            },
        }).AllowAnonymous();
}
