using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.OpenId.Contracts;
using IroPortal.OpenId.Models;
using IroPortal.OpenId.Services;
using IroPortal.OpenId.ViewModels;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IroPortal.OpenId.Controllers;

/// <summary>The administrator's side of the council's sign-in: what to register at the provider, groups mapped to
/// roles, the roles that must use it, and whether signing out ends the provider's session too. The provider itself,
/// its client id and secret come from settings and are never shown.</summary>
[Area("OpenId")]
[Route("admin/sign-in")]
[RequirePermission(OpenIdPermissions.ManageSignIn)]
public sealed class SignInSettingsController(PortalDbContext db, CouncilSignIn council, IOptions<CouncilSignInOptions> options, IAuditTrail audit, TimeProvider clock) : Controller
{
    public const string Changed = "Sign-in settings changed";

    [HttpGet("", Name = OpenIdRoutes.SignInSettings)]
    public async Task<IActionResult> Index() => View(await Page(new GroupRoleForm()));

    [HttpPost("policy", Name = OpenIdRoutes.SignInSettingsPolicy)]
    public async Task<IActionResult> Policy(List<string> requiredRoles, bool signOutOfProvider)
    {
        var roles = requiredRoles.Intersect(CouncilSignIn.RolesThatMayBeRequired).Order(StringComparer.Ordinal).ToList();
        var settings = await db.Set<SignInSettings>().SingleOrDefaultAsync();
        if (settings is null) db.Add(settings = new SignInSettings());
        settings.RequiredForRoles = string.Join('\n', roles);
        settings.SignOutOfProvider = signOutOfProvider;
        settings.ChangedUtc = clock.GetUtcNow().UtcDateTime;
        settings.ChangedBy = User.DisplayName();
        await db.SaveChangesAsync();
        await audit.RecordAsync(Changed, $"The council's sign-in is required for: {(roles.Count == 0 ? "no role" : string.Join(", ", roles))}. Signing out {(signOutOfProvider ? "also signs out of" : "leaves")} the council's account.");
        TempData.Saved = "Saved. The change applies at each person's next sign-in.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("groups", Name = OpenIdRoutes.SignInSettingsAddGroup)]
    public async Task<IActionResult> AddGroup(GroupRoleForm form)
    {
        form.Group = form.Group?.Trim();
        if (string.IsNullOrEmpty(form.Group))
            ModelState.AddModelError("Form.Group", "Enter the group as the council's provider names it in the token (for Entra ID, the group's object id)");
        else if (form.Group.Length > 200)
            ModelState.AddModelError("Form.Group", "The group must be 200 characters or fewer");
        if (form.Role is null || !PortalRoles.All.Contains(form.Role))
            ModelState.AddModelError("Form.Role", "Choose the portal role its members get");
        else if (form.Group is { Length: > 0 } g && await db.Set<GroupRole>().AnyAsync(x => x.Group == g && x.Role == form.Role))
            ModelState.AddModelError("Form.Group", $"{g} already gives {form.Role}");
        if (!ModelState.IsValid) return View("Index", await Page(form));
        db.Add(new GroupRole { Id = Guid.CreateVersion7(), Group = form.Group!, Role = form.Role!, CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = User.DisplayName() });
        await db.SaveChangesAsync();
        await audit.RecordAsync(Changed, $"Members of the group {form.Group} get the role {form.Role} (and an account at their first sign-in).");
        TempData.Saved = $"Members of {form.Group} now get {form.Role}.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("groups/{id:guid}/remove", Name = OpenIdRoutes.SignInSettingsRemoveGroup)]
    public async Task<IActionResult> RemoveGroup(Guid id)
    {
        var mapping = await db.Set<GroupRole>().SingleOrDefaultAsync(g => g.Id == id);
        if (mapping is null) return NotFound();
        db.Remove(mapping);
        await db.SaveChangesAsync();
        await audit.RecordAsync(Changed, $"The group {mapping.Group} no longer gives the role {mapping.Role} (people who have it keep it until an administrator removes it).");
        TempData.Saved = $"{mapping.Group} no longer gives {mapping.Role}. People who already have the role keep it until you change their user.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<SignInSettingsPage> Page(GroupRoleForm form)
    {
        var settings = await council.SettingsAsync();
        var portal = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        return new SignInSettingsPage(options.Value, $"{portal}/{CouncilSignInOptions.CallbackPath}", $"{portal}/{CouncilSignInOptions.SignedOutPath}",
            CouncilSignIn.Roles(settings), settings.SignOutOfProvider,
            await db.Set<GroupRole>().AsNoTracking().OrderBy(g => g.Group).ThenBy(g => g.Role).ToListAsync(), form);
    }
}
