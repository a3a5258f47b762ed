using IroPortal.Users.Contracts;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Services;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.QualityAssurance.Controllers;

/// <summary>An IRO's own quality assurance. Drafts the manager has not shared stay hidden.</summary>
[Area("QualityAssurance")]
[RequirePermission(QaPermissions.ViewOwn)]
public sealed class MineController(PortalDbContext db, ComplianceService compliance) : Controller
{
    [HttpGet("/qa/mine"), AuditsChildData("My quality-assurance records")]
    public async Task<IActionResult> Index()
    {
        var page = await IroPage.LoadAsync(db, compliance, User.UserId()!.Value, ReportingYear.Containing(compliance.Today), includeDrafts: false);
        return page is null ? View("NotAnIro") : View("IroPage", page);
    }
}
