using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace IroPortal.Modularity.Hosting;

/// <summary>Reads a posted form before antiforgery does, within the action's form limits, so that a form with too
/// many fields, too long a field or too large a body answers 413 ("what you sent is too large") rather than
/// antiforgery's 400 or an error.</summary>
public sealed class FormWithinLimitsFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    // After [RequestFormLimits] and [RequestSizeLimit] (900) have set the action's limits, before antiforgery (1000).
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        // The error page shown for a refused form is asked for with that same form: it is not read again.
        var features = context.HttpContext.Features;
        if (!request.HasFormContentType || features.Get<IStatusCodeReExecuteFeature>() is not null || features.Get<IExceptionHandlerFeature>() is not null) return;
        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception error) when (RequestFailures.StatusOf(error) == StatusCodes.Status413PayloadTooLarge)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }
}
