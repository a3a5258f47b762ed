using IroPortal.Data;
using IroPortal.Data.Seeding;
using IroPortal.Modularity.Permissions;
using IroPortal.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Users.Seed;

/// <summary>Always: the roles, and the default grants of permissions seen for the first time.
/// For the demo only: a fictional council's staff and board, whose sign-ins are printed at start-up.</summary>
internal sealed class UsersSeeder(PortalDbContext db, RoleManager<PortalRole> roles, UserManager<PortalUser> users,
    IEnumerable<IPermissionProvider> permissionProviders, TimeProvider clock) : IPortalSeeder
{
    public const string DemoPassword = "Northmoor-demo-2026";

    public static readonly IReadOnlyList<(string Name, string Email, string Role)> DemoUsers =
    [
        ("Priya Shah", "admin@northmoor.example", PortalRoles.Administrator),
        ("Helen Carter", "manager@northmoor.example", PortalRoles.IroManager),
        ("Daniel Okafor", "iro1@northmoor.example", PortalRoles.Iro),
        ("Sarah Whitfield", "iro2@northmoor.example", PortalRoles.Iro),
        ("James Patel", "iro3@northmoor.example", PortalRoles.Iro),
        ("Grace Murphy", "iro4@northmoor.example", PortalRoles.Iro),
        ("Tom Fletcher", "iro5@northmoor.example", PortalRoles.Iro),
        ("Aisha Rahman", "iro6@northmoor.example", PortalRoles.Iro),
        ("Mark Ellison", "iro7@northmoor.example", PortalRoles.Iro),
        ("Ruth Adeyemi", "iro8@northmoor.example", PortalRoles.Iro),
        ("Cllr Margaret Hughes", "board1@northmoor.example", PortalRoles.BoardMember),
        ("Cllr David Lowe", "board2@northmoor.example", PortalRoles.BoardMember),
        ("Joanne Price", "senior@northmoor.example", PortalRoles.SeniorManager),
        ("Sam Okafor", "clerk@northmoor.example", PortalRoles.BoardClerk),
    ];

    private static readonly Dictionary<string, string> RoleDescriptions = new()
    {
        [PortalRoles.Administrator] = "Runs the portal: users, roles, security and scheduled jobs.",
        [PortalRoles.IroManager] = "Manages the IRO service: quality assurance and the annual report.",
        [PortalRoles.Iro] = "Independent Reviewing Officer: contributes to the report and sees their own quality assurance.",
        [PortalRoles.BoardMember] = "Member of the corporate parenting board: reads, questions and responds to the report.",
        [PortalRoles.SeniorManager] = "Senior manager of children's services: comments on the annual report while it is in review.",
        [PortalRoles.BoardClerk] = "Clerk to the corporate parenting board: records the board's resolution and its action plan.",
    };

    public int Order => 0;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        var created = new HashSet<string>();
        foreach (var name in PortalRoles.All)
            if (await roles.FindByNameAsync(name) is null)
            {
                Check(await roles.CreateAsync(new PortalRole { Id = Guid.CreateVersion7(), Name = name, Description = RoleDescriptions[name] }), $"role {name}");
                created.Add(name);
            }
        await GrantNewPermissionsAsync(created, cancellationToken);
        if (context.Demo && !await db.Set<PortalUser>().AnyAsync(cancellationToken))
            await SeedDemoUsersAsync(context);
    }

    /// <summary>A permission seen for the first time gets its default grants; so does a role new to this portal (one
    /// added in a later release), for every permission, since no administrator has chosen for it yet.</summary>
    private async Task GrantNewPermissionsAsync(IReadOnlySet<string> newRoles, CancellationToken cancellationToken)
    {
        var known = (await db.Set<KnownPermission>().Select(k => k.Name).ToListAsync(cancellationToken)).ToHashSet();
        var roleIds = await db.Set<PortalRole>().ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var provider in permissionProviders)
        {
            var fresh = provider.GetPermissions().Where(p => !known.Contains(p.Name)).Select(p => p.Name).ToHashSet();
            foreach (var grant in provider.GetDefaultGrants())
                foreach (var permission in grant.Permissions.Where(p => fresh.Contains(p) || newRoles.Contains(grant.Role) && known.Contains(p)))
                    db.Add(new RolePermission { RoleId = roleIds[grant.Role], Permission = permission });
            foreach (var name in fresh)
                db.Add(new KnownPermission { Name = name, FirstSeenUtc = now });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedDemoUsersAsync(SeedContext context)
    {
        // The demo council's staff have been in post since before last year's report.
        var now = clock.GetUtcNow().UtcDateTime.AddMonths(-20);
        // One hash for the one published password: hashing is slow on purpose (210,000 iterations), and doing it for
        // each of the demo's users was most of this seeder's time on a first start.
        string? hash = null;
        foreach (var (name, email, role) in DemoUsers)
        {
            var user = new PortalUser
            {
                Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true,
                DisplayName = name, CreatedUtc = now,
            };
            // The demo's published password is set directly: the password rules rightly refuse one built on the
            // council's name, and no real account ever has it (demo data never runs in Production).
            user.PasswordHash = hash ??= users.PasswordHasher.HashPassword(user, DemoPassword);
            Check(await users.CreateAsync(user), $"demo user {email}");
            Check(await users.AddToRoleAsync(user, role), $"role of {email}");
        }
        context.Report.WriteLine("Demo council (Northmoor Council) created. Sign in with any of these; the password for all is " + DemoPassword);
        foreach (var (name, email, role) in DemoUsers)
            context.Report.WriteLine($"  {role,-14} {email,-28} {name}");
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
