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
        if (!AuditedAction.Succeeded(executed) || executed.Result is RedirectResult or RedirectToActionResult or LocalRedirectResult) return;
        await AuditedAction.RecordAsync(context, executed.Result is FileResult ? AuditEventTypes.ChildDataDownloaded : AuditEventTypes.ChildDataRead, what);
    }
}

/// <summary>On a form's post that changes a module's records (an observation saved, a dispute escalated, a return
/// imported): when it succeeds, the audit trail records who changed what, and from where. A form sent back with
/// its errors, or refused, records nothing.</summary>
/// <param name="what">What changed, in words ("Observation signed off").</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AuditsChangeAttribute(string what) : Attribute, IAsyncActionFilter
{
    public string What => what;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var executed = await next();
        if (AuditedAction.Succeeded(executed) && context.ModelState.IsValid)
            await AuditedAction.RecordAsync(context, AuditEventTypes.RecordChanged, what);
    }
}

internal static class AuditedAction
{
    public static bool Succeeded(ActionExecutedContext executed)
    {
        if (executed.Exception is not null && !executed.ExceptionHandled || executed.Result is null) return false;
        var status = (executed.Result as IStatusCodeActionResult)?.StatusCode ?? executed.HttpContext.Response.StatusCode;
        return status < 400 && executed.Result is not (NotFoundResult or ForbidResult or ChallengeResult or BadRequestResult);
    }

    public static Task RecordAsync(ActionExecutingContext context, string type, string what)
    {
        var request = context.HttpContext.Request;
        return context.HttpContext.RequestServices.GetRequiredService<IAuditTrail>().RecordAsync(type,
            $"{what}: {request.Method} {request.Path}{request.QueryString}", cancellationToken: context.HttpContext.RequestAborted);
    }
}
