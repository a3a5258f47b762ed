using IroPortal.Modularity.Permissions;
using IroPortal.Performance.Contracts;
using IroPortal.Performance.Services;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.Performance.Controllers;

/// <summary>The early-warning page: what needs doing now, from the latest data.</summary>
[Area("Performance")]
[RequirePermission(PerformancePermissions.View)]
public sealed class WatchController(EarlyWarning warnings) : Controller
{
    public const string Path = "/performance/watch";

    [HttpGet(Path, Name = PerformanceRoutes.Watch)]
    public async Task<IActionResult> Index() => View(await warnings.ReadAsync());
}
