using IroPortal.Modularity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Users.Services;

/// <summary>
/// The action changes how the person signs in (password, two-factor, recovery codes), so it needs their password,
/// and a current code when two-factor is on, given within the last few minutes in this session. Otherwise they are
/// asked to confirm it is them first, and come back here (a form's page, for a form's post).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class RecentlyConfirmedAttribute : Attribute, IAsyncActionFilter
{
    public const string ConfirmPath = "/account/confirm";

    /// <summary>Where a post comes back to after confirming: the page its form is on.</summary>
    public string? FormPage { get; init; }

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (await http.RequestServices.GetRequiredService<UserSessions>().ConfirmedRecentlyAsync(http))
        {
            await next();
            return;
        }
        var request = http.Request;
        var back = HttpMethods.IsGet(request.Method) ? $"{request.PathBase}{request.Path}{request.QueryString}" : FormPage ?? "/account";
        context.Result = new RedirectResult($"{ConfirmPath}?returnUrl={Uri.EscapeDataString(ReturnAddress.LocalOr(back, "/account"))}");
    }
}
