using IroPortal.QualityAssurance.Contracts;
using IroPortal.Users.Contracts;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Services;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.QualityAssurance.Controllers;

/// <summary>An IRO's own quality assurance. Drafts the manager has not shared stay hidden.</summary>
[Area("QualityAssurance")]
[RequirePermission(QaPermissions.ViewOwn)]
public sealed class MineController(ComplianceService compliance) : Controller
{
    [HttpGet("/qa/mine", Name = QaRoutes.Mine), AuditsChildData("My quality-assurance records")]
    public async Task<IActionResult> Index()
    {
        var page = await compliance.IroPageAsync(User.UserId()!.Value, ReportingYear.Containing(compliance.Today), includeDrafts: false);
        return page is null ? View("NotAnIro") : View("IroPage", page);
    }
}
