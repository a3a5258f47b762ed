using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Users.Contracts;

/// <summary>On an action that shows or downloads child-level data (QA records, feedback answers, dispute records,
/// imported rows): each time it succeeds, the audit trail records who read or downloaded what, and from where.
/// A refusal, a missing record or a failed form records nothing.</summary>
/// <param name="what">What it shows, in words ("Observation of practice").</param>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class AuditsChildDataAttribute(string what) : Attribute, IAsyncActionFilter
{
    public string What => what;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null && !executed.ExceptionHandled) return;
        var status = (executed.Result as IStatusCodeActionResult)?.StatusCode ?? context.HttpContext.Response.StatusCode;
        if (status >= 300 || executed.Result is null or RedirectResult or RedirectToActionResult or LocalRedirectResult) return;
        var request = context.HttpContext.Request;
        var downloaded = executed.Result is FileResult;
        var audit = context.HttpContext.RequestServices.GetRequiredService<IAuditTrail>();
        await audit.RecordAsync(downloaded ? AuditEventTypes.ChildDataDownloaded : AuditEventTypes.ChildDataRead,
            $"{what}: {request.Method} {request.Path}{request.QueryString}", cancellationToken: context.HttpContext.RequestAborted);
    }
}
