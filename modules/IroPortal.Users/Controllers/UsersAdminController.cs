using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Users.Contracts;
using IroPortal.Users.Models;
using IroPortal.Users.Services;
using IroPortal.Users.ViewModels;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Users.Controllers;

[Area("Users")]
[Route("admin/users")]
[RequirePermission(UsersPermissions.ManageUsers)]
public sealed class UsersAdminController(
    PortalDbContext db,
    UserManager<PortalUser> users,
    IAuditTrail audit,
    UserSessions sessions,
    SignInThrottle throttle,
    TimeProvider clock) : Controller
{
    [HttpGet("", Name = AccountRoutes.UsersAdmin)]
    public async Task<IActionResult> Index()
    {
        var all = await db.Set<PortalUser>().AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync();
        var roles = await RolesByUser();
        var paused = await throttle.PausedUsersAsync();
        return View(all.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", roles[u.Id].Order().ToList(),
            u.TwoFactorEnabled, u.IsDisabled, paused.Contains(u.Id), u.LastSignInUtc)).ToList());
    }

    [HttpGet("new", Name = AccountRoutes.UsersAdminCreate)]
    public IActionResult Create() => View(new UserForm());

    [HttpPost("new", Name = AccountRoutes.UsersAdminCreate)]
    public async Task<IActionResult> Create(UserForm form)
    {
        ValidateRoles(form);
        if (ModelState.IsValid && await users.FindByEmailAsync(form.Email.Trim()) is not null)
            ModelState.AddModelError(nameof(UserForm.Email), "A user with this email address already exists");
        if (!ModelState.IsValid) return View(form);

        var email = form.Email.Trim();
        var user = new PortalUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true,
            DisplayName = form.DisplayName.Trim(), CreatedUtc = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors) ModelState.AddModelError(nameof(UserForm.Email), error.Description);
            return View(form);
        }
        await users.AddToRolesAsync(user, form.Roles);
        await audit.RecordAsync(AuditEventTypes.UserCreated, $"Roles: {string.Join(", ", form.Roles)}.", user.Id, user.Email);
        return await PasswordLink(user, newUser: true);
    }

    [HttpGet("{id:guid}", Name = AccountRoutes.UsersAdminEdit)]
    public async Task<IActionResult> Edit(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return NotFound();
        var roles = (await users.GetRolesAsync(user)).ToList();
        return View(await Page(user, new UserForm { DisplayName = user.DisplayName, Email = user.Email ?? "", Roles = roles, ConcurrencyStamp = user.ConcurrencyStamp }));
    }

    [HttpPost("{id:guid}", Name = AccountRoutes.UsersAdminEdit)]
    public async Task<IActionResult> Edit(Guid id, UserForm form)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return NotFound();
        ValidateRoles(form);
        var email = form.Email.Trim();
        if (ModelState.IsValid && await users.FindByEmailAsync(email) is { } other && other.Id != user.Id)
            ModelState.AddModelError(nameof(UserForm.Email), "Another user has this email address");
        var currentRoles = (await users.GetRolesAsync(user)).ToList();
        if (user.ConcurrencyStamp != form.ConcurrencyStamp)
        {
            // Show what is stored now, not what was posted, so the second editor sees the first one's change.
            ModelState.Clear();
            ModelState.AddModelError("", "Someone else changed this user while you were editing. Their changes are shown below; make yours again.");
            return View(await Page(user, new UserForm { DisplayName = user.DisplayName, Email = user.Email ?? "", Roles = currentRoles, ConcurrencyStamp = user.ConcurrencyStamp }));
        }
        if (ModelState.IsValid && currentRoles.Contains(PortalRoles.Administrator) && !form.Roles.Contains(PortalRoles.Administrator) && await IsLastAdministrator(user))
            ModelState.AddModelError(nameof(UserForm.Roles), "This is the only active administrator. Make someone else an administrator first");
        if (!ModelState.IsValid)
            return View(await Page(user, form));

        user.DisplayName = form.DisplayName.Trim();
        user.Email = user.UserName = email;
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            foreach (var error in saved.Errors) ModelState.AddModelError("", error.Description);
            return View(await Page(user, form));
        }
        var added = form.Roles.Except(currentRoles).ToList();
        var removed = currentRoles.Except(form.Roles).ToList();
        if (added.Count > 0) await users.AddToRolesAsync(user, added);
        if (removed.Count > 0) await users.RemoveFromRolesAsync(user, removed);
        await audit.RecordAsync(AuditEventTypes.UserChanged, $"Name: {user.DisplayName}. Email: {user.Email}.", user.Id, user.Email);
        if (added.Count + removed.Count > 0)
            await audit.RecordAsync(AuditEventTypes.RolesChanged, $"Added: {Join(added)}. Removed: {Join(removed)}.", user.Id, user.Email);
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id:guid}/disable", Name = AccountRoutes.UsersAdminDisable)]
    public async Task<IActionResult> Disable(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return NotFound();
        if (user.Id == User.UserId())
            return await EditWithError(user, "You cannot disable your own account");
        if (await users.IsInRoleAsync(user, PortalRoles.Administrator) && await IsLastAdministrator(user))
            return await EditWithError(user, "This is the only active administrator. Make someone else an administrator first");
        user.IsDisabled = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        var ended = await sessions.EndAllAsync(user.Id);
        await audit.RecordAsync(AuditEventTypes.UserDisabled, $"Open sessions ended: {ended}.", user.Id, user.Email);
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id:guid}/enable", Name = AccountRoutes.UsersAdminEnable)]
    public async Task<IActionResult> Enable(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return NotFound();
        user.IsDisabled = false;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await throttle.ClearAsync(user.Id);
        await audit.RecordAsync(AuditEventTypes.UserEnabled, "Paused sign-in addresses cleared.", user.Id, user.Email);
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id:guid}/reset-two-factor", Name = AccountRoutes.UsersAdminResetTwoFactor)]
    public async Task<IActionResult> ResetTwoFactor(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return NotFound();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await users.UpdateSecurityStampAsync(user);
        var ended = await sessions.EndAllAsync(user.Id);
        await audit.RecordAsync(AuditEventTypes.TwoFactorReset, $"By an administrator. The user sets it up again at their next sign-in. Open sessions ended: {ended}.", user.Id, user.Email);
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id:guid}/password-link", Name = AccountRoutes.UsersAdminCreatePasswordLink)]
    public async Task<IActionResult> CreatePasswordLink(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return NotFound();
        return await PasswordLink(user, newUser: false);
    }

    private async Task<IActionResult> PasswordLink(PortalUser user, bool newUser)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = Url.Action("SetPassword", "Account", new { area = "Users", userId = user.Id, token }, Request.Scheme, Request.Host.Value)!;
        await audit.RecordAsync(AuditEventTypes.PasswordLinkCreated, newUser ? "Invitation." : "Password reset.", user.Id, user.Email);
        return View("PasswordLink", new PasswordLinkPage(user.Id, user.DisplayName, user.Email ?? "", link, newUser, clock.GetUtcNow().UtcDateTime.AddDays(3)));
    }

    private async Task<IActionResult> EditWithError(PortalUser user, string message)
    {
        ModelState.AddModelError("", message);
        var roles = (await users.GetRolesAsync(user)).ToList();
        return View(nameof(Edit), await Page(user, new UserForm { DisplayName = user.DisplayName, Email = user.Email ?? "", Roles = roles, ConcurrencyStamp = user.ConcurrencyStamp }));
    }

    private async Task<UserForm> Page(PortalUser user, UserForm form)
    {
        form.Existing = new UserStatus(user.Id, user.DisplayName, user.Email ?? "", (await users.GetRolesAsync(user)).Order().ToList(),
            user.TwoFactorEnabled, user.IsDisabled, await throttle.IsUserPausedAsync(user.Id), user.Id == User.UserId(), user.CreatedUtc, user.LastSignInUtc);
        return form;
    }

    private void ValidateRoles(UserForm form)
    {
        form.Roles = form.Roles.Distinct().ToList();
        if (form.Roles.Count == 0)
            ModelState.AddModelError(nameof(UserForm.Roles), "Choose at least one role");
        if (form.Roles.Except(PortalRoles.All).Any())
            ModelState.AddModelError(nameof(UserForm.Roles), "Choose roles from the list");
    }

    private async Task<bool> IsLastAdministrator(PortalUser user) =>
        !(await users.GetUsersInRoleAsync(PortalRoles.Administrator)).Any(u => u.Id != user.Id && !u.IsDisabled);

    private async Task<ILookup<Guid, string>> RolesByUser() =>
        (await (from userRole in db.Set<IdentityUserRole<Guid>>()
                join role in db.Set<PortalRole>() on userRole.RoleId equals role.Id
                select new { userRole.UserId, role.Name }).ToListAsync())
        .ToLookup(r => r.UserId, r => r.Name!);

    private static string Join(IEnumerable<string> items) => items.Any() ? string.Join(", ", items) : "none";
}
