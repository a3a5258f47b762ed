using IroPortal.Data;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Users.Contracts;
using IroPortal.Users.Models;
using IroPortal.Users.ViewModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Users.Controllers;

/// <summary>Which role may do what: a grid of permissions by role.</summary>
[Area("Users")]
[Route("admin/roles")]
[RequirePermission(UsersPermissions.ManageRoles)]
public sealed class RolesAdminController(PortalDbContext db, IEnumerable<IPermissionProvider> providers, IAuditTrail audit) : Controller
{
    /// <summary>Administrators always keep these, so nobody can lock the portal out of its own settings.</summary>
    private static readonly IReadOnlySet<(string, string)> Locked = new HashSet<(string, string)>
    {
        (PortalRoles.Administrator, UsersPermissions.ManageUsers),
        (PortalRoles.Administrator, UsersPermissions.ManageRoles),
    };

    [HttpGet("", Name = AccountRoutes.RolesAdmin)]
    public async Task<IActionResult> Index() => View(await Page(conflict: null));

    /// <param name="grants">Checked boxes, each "roleId|permission".</param>
    /// <param name="stamps">Each role's concurrency stamp when the page was shown, as "roleId|stamp".</param>
    [HttpPost("", Name = AccountRoutes.RolesAdminSave)]
    public async Task<IActionResult> Save(List<string> grants, List<string> stamps)
    {
        var roles = await db.Set<PortalRole>().ToListAsync();
        var shown = stamps.Select(s => s.Split('|', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (roles.Any(r => !shown.TryGetValue(r.Id.ToString(), out var stamp) || stamp != r.ConcurrencyStamp))
            return View("Index", await Page("Someone else changed the permissions while you were editing. Their changes are shown below; make yours again."));

        var defined = providers.AllDefined();
        var wanted = grants.Select(g => g.Split('|', 2))
            .Where(p => p.Length == 2 && Guid.TryParse(p[0], out _) && defined.Contains(p[1]))
            .Select(p => (RoleId: Guid.Parse(p[0]), Permission: p[1]))
            .Where(g => roles.Any(r => r.Id == g.RoleId))
            .ToHashSet();
        foreach (var (roleName, permission) in Locked)
            wanted.Add((roles.Single(r => r.Name == roleName).Id, permission));

        var current = await db.Set<RolePermission>().ToListAsync();
        // Grants of permissions from switched-off modules are left alone: they are not on the page.
        var removed = current.Where(g => defined.Contains(g.Permission) && !wanted.Contains((g.RoleId, g.Permission))).ToList();
        var added = wanted.Where(w => !current.Any(g => g.RoleId == w.RoleId && g.Permission == w.Permission)).ToList();
        db.RemoveRange(removed);
        db.AddRange(added.Select(a => new RolePermission { RoleId = a.RoleId, Permission = a.Permission }));
        foreach (var role in roles.Where(r => added.Any(a => a.RoleId == r.Id) || removed.Any(g => g.RoleId == r.Id)))
            role.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return View("Index", await Page("Someone else changed the permissions while you were editing. Their changes are shown below; make yours again."));
        }

        string Name(Guid roleId) => roles.Single(r => r.Id == roleId).Name!;
        var changes = added.Select(a => $"{Name(a.RoleId)} +{a.Permission}").Concat(removed.Select(g => $"{Name(g.RoleId)} -{g.Permission}")).ToList();
        if (changes.Count > 0)
            await audit.RecordAsync(AuditEventTypes.PermissionsChanged, string.Join("; ", changes));
        TempData.Saved = changes.Count == 0 ? "Nothing changed." : $"Saved {changes.Count} change(s).";
        return RedirectToAction(nameof(Index));
    }

    private async Task<RolePermissionsPage> Page(string? conflict)
    {
        var roles = await db.Set<PortalRole>().AsNoTracking().ToListAsync();
        roles = PortalRoles.All.Select(name => roles.Single(r => r.Name == name)).Concat(roles.Where(r => !PortalRoles.All.Contains(r.Name!))).ToList();
        var grants = (await db.Set<RolePermission>().AsNoTracking().ToListAsync()).Select(g => (g.RoleId, g.Permission)).ToHashSet();
        var groups = providers.SelectMany(p => p.GetPermissions()).GroupBy(p => p.Group).ToList();
        return new RolePermissionsPage(roles, groups, grants, Locked, conflict);
    }
}
