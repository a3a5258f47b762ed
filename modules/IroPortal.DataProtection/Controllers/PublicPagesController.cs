using IroPortal.DataProtection.Contracts;
using IroPortal.DataProtection.Services;
using IroPortal.Modularity.Permissions;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.DataProtection.Controllers;

/// <summary>Pages for everyone, linked from every footer: the accessibility statement, the cookies, the privacy notices.</summary>
[Area("DataProtection")]
[Public]
public sealed class PublicPagesController(Statements statements) : Controller
{
    [HttpGet("/accessibility", Name = DataProtectionRoutes.PublicPagesAccessibility)]
    public async Task<IActionResult> Accessibility() => View("Statement", await statements.ReadAsync(Statements.Accessibility));

    [HttpGet("/privacy/feedback", Name = DataProtectionRoutes.PublicPagesFeedbackNotice)]
    public async Task<IActionResult> FeedbackNotice() => View("Statement", await statements.ReadAsync(Statements.AdultsNotice));

    [HttpGet("/privacy/children", Name = DataProtectionRoutes.PublicPagesChildrenNotice)]
    public async Task<IActionResult> ChildrenNotice() => View("Statement", await statements.ReadAsync(Statements.ChildrenNotice));

    [HttpGet("/privacy", Name = DataProtectionRoutes.PublicPagesPrivacy)]
    public IActionResult Privacy() => View();

    [HttpGet("/cookies", Name = DataProtectionRoutes.PublicPagesCookies)]
    public IActionResult Cookies() => View();
}
