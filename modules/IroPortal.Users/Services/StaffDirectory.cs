using IroPortal.Data;
using IroPortal.Users.Contracts;
using IroPortal.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Users.Services;

internal sealed class StaffDirectory(PortalDbContext db) : IStaffDirectory
{
    public async Task<IReadOnlyList<StaffMember>> InRoleAsync(string role, CancellationToken cancellationToken = default)
    {
        var users = await (
            from user in db.Set<PortalUser>()
            join userRole in db.Set<IdentityUserRole<Guid>>() on user.Id equals userRole.UserId
            join r in db.Set<PortalRole>() on userRole.RoleId equals r.Id
            where r.Name == role && !user.IsDisabled
            orderby user.DisplayName
            select user).ToListAsync(cancellationToken);
        var roles = await RolesOf(users.Select(u => u.Id).ToList(), cancellationToken);
        return users.Select(u => ToMember(u, roles)).ToList();
    }

    public async Task<StaffMember?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var user = await db.Set<PortalUser>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? null : ToMember(user, await RolesOf([id], cancellationToken));
    }

    private async Task<ILookup<Guid, string>> RolesOf(List<Guid> userIds, CancellationToken cancellationToken) =>
        (await (from userRole in db.Set<IdentityUserRole<Guid>>()
                join role in db.Set<PortalRole>() on userRole.RoleId equals role.Id
                where userIds.Contains(userRole.UserId)
                select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken))
        .ToLookup(r => r.UserId, r => r.Name!);

    private static StaffMember ToMember(PortalUser user, ILookup<Guid, string> roles) =>
        new(user.Id, user.DisplayName, user.Email ?? "", roles[user.Id].Order().ToList(), user.IsDisabled, user.CreatedUtc);
}
