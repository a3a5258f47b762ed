using System.Diagnostics;
using IroPortal.Home.Contracts;
using IroPortal.Home.ViewModels;
using IroPortal.Modularity.Hosting;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IroPortal.Home.Controllers;

[Area("Home")]
public sealed class PublicHomeController : Controller
{
    [Public, HttpGet("/", Name = HomeRoutes.PublicHome)]
    public IActionResult Index() => View();
}

[Area("Home")]
public sealed class StaffHomeController(NavigationService navigation, IEnumerable<IWorkItemSource> work) : Controller
{
    [SignedIn, HttpGet("/staff", Name = HomeRoutes.StaffHome)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var items = new List<WorkItem>();
        foreach (var source in work) items.AddRange(await source.ForAsync(User, cancellationToken));
        var bySection = items.OrderBy(i => i.Order).GroupBy(i => i.Section).OrderBy(g => MenuSections.Position(g.Key)).ToList();
        return View(new StaffHomePage(bySection, await navigation.GetMenuAsync(User)));
    }
}

/// <summary>What people see instead of a stack trace or a bare status code.</summary>
[Area("Home")]
[Public]
[IgnoreAntiforgeryToken] // re-executed for a refused form post, which must still get its friendly page
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("/error")]
    public IActionResult Unexpected()
    {
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not { } failure)
            return PageNotFound(); // visited directly: there is no error to tell about
        var status = RequestFailures.StatusOf(failure.Error);
        if (status != StatusCodes.Status500InternalServerError)
        {
            Response.StatusCode = status;
            return View(ViewFor(status), HttpContext.TraceIdentifier);
        }
        Response.StatusCode = status;
        // A reference the engineer on call can find in the log; the details stay there.
        var reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        HttpContext.RequestServices.GetRequiredService<ILogger<ErrorController>>()
            .LogError(failure.Error, "Unhandled error on {Path}; reference {Reference}", failure.Path, reference);
        return View("Unexpected", reference);
    }

    private IActionResult PageNotFound()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("NotFound");
    }

    /// <summary>The page for a status the portal answered with. The status is the failure's own, kept from the request
    /// that failed: the address (/error/0) and the form's fields never set it, and a visit of its own is not found.</summary>
    [Route("/error/{status:int}")]
    public IActionResult Status()
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not { } failed) return PageNotFound();
        var status = failed.OriginalStatusCode;
        Response.StatusCode = status;
        return View(ViewFor(status), HttpContext.TraceIdentifier);
    }

    private static string ViewFor(int status) => status switch
    {
        403 => "Forbidden",
        404 => "NotFound",
        429 => "TooManyRequests",
        413 => "TooLarge",
        400 => "BadRequest",
        _ => "Unexpected",
    };
}
