using IroPortal.Data;
using IroPortal.Modularity.Permissions;
using IroPortal.Users.Contracts;
using IroPortal.Users.Models;
using IroPortal.Users.ViewModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Users.Controllers;

/// <summary>The audit trail, newest first. Read-only: there is no action that changes an entry.</summary>
[Area("Users")]
[Route("admin/audit")]
[RequirePermission(UsersPermissions.ViewAuditTrail)]
public sealed class AuditController(PortalDbContext db) : Controller
{
    private const int PageSize = 50;

    private static readonly IReadOnlyList<string> EventTypes = typeof(AuditEventTypes).GetFields()
        .Select(f => (string)f.GetValue(null)!).Order().ToList();

    [HttpGet("")]
    public async Task<IActionResult> Index(string? type, int page = 1)
    {
        page = Math.Max(1, page);
        var query = db.Set<AuditEvent>().AsNoTracking();
        if (!string.IsNullOrEmpty(type)) query = query.Where(e => e.EventType == type);
        var events = await query.OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        return View(new AuditPage(events.Take(PageSize).ToList(), type, EventTypes, page, events.Count > PageSize));
    }
}
