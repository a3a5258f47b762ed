using Hangfire;
using System.Globalization;
using Hangfire.Dashboard;
using IroPortal.Modularity.Hosting;
using IroPortal.Modularity.Permissions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Notifications.Services;

/// <summary>
/// Hangfire's own dashboard, for administrators, under the jobs page. The endpoint is authorised like any page of the
/// portal (a permission, through the authorisation middleware: sign-in for a visitor, 403 for a user without it) and
/// Hangfire checks the same permission again; its buttons post with the portal's antiforgery token, which Hangfire
/// validates. It runs under the portal's content security policy but for one thing, on its path alone: the chart
/// library in Hangfire's script adds one fixed stylesheet of its own as a style element, allowed by its hash (never
/// 'unsafe-inline'; the browser test fails if Hangfire's version brings any other).
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/admin/jobs/hangfire";

    /// <summary>Chart.js 2's own rules (chartjs-render-monitor, -size-monitor), as Hangfire 1.8.25's script injects them.</summary>
    private const string ChartStylesHash = "'sha256-z7zcnw/4WalZqx+PrNaRnoeLz/G9WXuFqV1WCJ129sg='";
    private static readonly string Policy = SecurityHosting.ContentSecurityPolicy.Replace("style-src 'self';", $"style-src 'self' {ChartStylesHash};");

    public static void MapJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        var storage = endpoints.ServiceProvider.GetRequiredService<JobStorage>();
        var options = new DashboardOptions
        {
            AppPath = "/admin/jobs",
            DashboardTitle = "Scheduled jobs: Hangfire",
            DisplayStorageConnectionString = false,
            Authorization = [],
            AsyncAuthorization = [new PermissionFilter()],
            IgnoreAntiforgeryToken = false,
            TimeZoneResolver = new DefaultTimeZoneResolver(),
        };
        // What MapHangfireDashboard builds, with UK English first: Hangfire names the page's language and writes
        // its dates in the thread's culture, which is otherwise the invariant one ("iv").
        var pipeline = endpoints.CreateApplicationBuilder()
            .UsePathBase(Path)
            .Use(next => context =>
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = UkEnglish;
                context.Response.Headers.ContentSecurityPolicy = Policy;
                return next(context);
            })
            .UseMiddleware<AspNetCoreDashboardMiddleware>(storage, options, DashboardRoutes.Routes, true)
            .Build();
        endpoints.Map(Path + "/{**path}", pipeline)
            .WithDisplayName("Hangfire's dashboard")
            .WithMetadata(new RequirePermissionAttribute(NotificationPermissions.ManageJobs));
    }

    private static readonly CultureInfo UkEnglish = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The same permission again, inside Hangfire, in place of its local-requests-only default.</summary>
    private sealed class PermissionFilter : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            if (http.User.Identity?.IsAuthenticated != true) return false;
            var granted = await http.RequestServices.GetRequiredService<IPermissionChecker>().GetGrantedAsync(http.User);
            return granted.Contains(NotificationPermissions.ManageJobs);
        }
    }
}
