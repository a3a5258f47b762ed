using Hangfire;
using Hangfire.Dashboard;
using IroPortal.Modularity.Permissions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Notifications.Services;

/// <summary>
/// Hangfire's own dashboard, for administrators, under the jobs page. The endpoint is authorised like any page of the
/// portal (a permission, through the authorisation middleware: sign-in for a visitor, 403 for a user without it) and
/// Hangfire checks the same permission again; its buttons post with the portal's antiforgery token, which Hangfire
/// validates. It runs under the portal's content security policy: its scripts and styles are files; what the policy
/// stops is the few colours Hangfire writes as style attributes (on a job's state history), which changes nothing
/// a person can do.
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/admin/jobs/hangfire";

    public static void MapJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        var storage = endpoints.ServiceProvider.GetRequiredService<JobStorage>();
        endpoints.MapHangfireDashboard(Path, new DashboardOptions
        {
            AppPath = "/admin/jobs",
            DashboardTitle = "Scheduled jobs: Hangfire",
            DisplayStorageConnectionString = false,
            Authorization = [],
            AsyncAuthorization = [new PermissionFilter()],
            IgnoreAntiforgeryToken = false,
            TimeZoneResolver = new DefaultTimeZoneResolver(),
        }, storage).WithMetadata(new RequirePermissionAttribute(NotificationPermissions.ManageJobs));
    }

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
