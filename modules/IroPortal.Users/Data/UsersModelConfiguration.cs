using IroPortal.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IroPortal.Users.Data;

// The identity tables as IdentityDbContext would shape them, under this module's "Users_" prefix, so the
// portal keeps one DbContext that every module contributes to.

internal sealed class UserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> user)
    {
        user.ToTable("Users_Users");
        user.HasKey(u => u.Id);
        user.HasIndex(u => u.NormalizedUserName).HasDatabaseName("UserNameIndex").IsUnique();
        user.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex");
        user.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
        user.Property(u => u.UserName).HasMaxLength(256);
        user.Property(u => u.NormalizedUserName).HasMaxLength(256);
        user.Property(u => u.Email).HasMaxLength(256);
        user.Property(u => u.NormalizedEmail).HasMaxLength(256);
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.HasMany<IdentityUserClaim<Guid>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
        user.HasMany<IdentityUserLogin<Guid>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
        user.HasMany<IdentityUserToken<Guid>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
        user.HasMany<IdentityUserRole<Guid>>().WithOne().HasForeignKey(r => r.UserId).IsRequired();
    }
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<PortalRole>
{
    public void Configure(EntityTypeBuilder<PortalRole> role)
    {
        role.ToTable("Users_Roles");
        role.HasKey(r => r.Id);
        role.HasIndex(r => r.NormalizedName).HasDatabaseName("RoleNameIndex").IsUnique();
        role.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        role.Property(r => r.Name).HasMaxLength(256);
        role.Property(r => r.NormalizedName).HasMaxLength(256);
        role.Property(r => r.Description).HasMaxLength(500);
        role.HasMany<IdentityUserRole<Guid>>().WithOne().HasForeignKey(r => r.RoleId).IsRequired();
        role.HasMany<IdentityRoleClaim<Guid>>().WithOne().HasForeignKey(c => c.RoleId).IsRequired();
        role.HasMany<RolePermission>().WithOne().HasForeignKey(p => p.RoleId).IsRequired();
    }
}

internal sealed class IdentityTablesConfiguration :
    IEntityTypeConfiguration<IdentityUserClaim<Guid>>, IEntityTypeConfiguration<IdentityUserLogin<Guid>>,
    IEntityTypeConfiguration<IdentityUserToken<Guid>>, IEntityTypeConfiguration<IdentityUserRole<Guid>>,
    IEntityTypeConfiguration<IdentityRoleClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> claim)
    {
        claim.ToTable("Users_UserClaims");
        claim.HasKey(c => c.Id);
    }

    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> login)
    {
        login.ToTable("Users_UserLogins");
        login.HasKey(l => new { l.LoginProvider, l.ProviderKey });
    }

    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> token)
    {
        token.ToTable("Users_UserTokens");
        token.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
    }

    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> userRole)
    {
        userRole.ToTable("Users_UserRoles");
        userRole.HasKey(r => new { r.UserId, r.RoleId });
    }

    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> claim)
    {
        claim.ToTable("Users_RoleClaims");
        claim.HasKey(c => c.Id);
    }
}

internal sealed class PermissionTablesConfiguration : IEntityTypeConfiguration<RolePermission>, IEntityTypeConfiguration<KnownPermission>
{
    public void Configure(EntityTypeBuilder<RolePermission> grant)
    {
        grant.ToTable("Users_RolePermissions");
        grant.HasKey(g => new { g.RoleId, g.Permission });
        grant.Property(g => g.Permission).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<KnownPermission> known)
    {
        known.ToTable("Users_KnownPermissions");
        known.HasKey(k => k.Name);
        known.Property(k => k.Name).HasMaxLength(200);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.ToTable("Users_AuditEvents");
        audit.HasKey(a => a.Id);
        audit.HasIndex(a => a.OccurredUtc);
        audit.Property(a => a.EventType).HasMaxLength(60);
        audit.Property(a => a.ActorName).HasMaxLength(256);
        audit.Property(a => a.SubjectName).HasMaxLength(256);
        audit.Property(a => a.Detail).HasMaxLength(2000);
        audit.Property(a => a.IpAddress).HasMaxLength(64);
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<UserSession>, IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<UserSession> session)
    {
        session.ToTable("Users_Sessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).HasMaxLength(64);
        session.HasIndex(s => s.UserId);
        session.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        session.Property(s => s.Device).HasMaxLength(200);
        session.Property(s => s.IpAddress).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<SignInFailure> failure)
    {
        failure.ToTable("Users_SignInFailures");
        failure.HasKey(f => f.Id);
        failure.Property(f => f.Id).HasMaxLength(64);
        failure.HasIndex(f => f.UserId);
        failure.Property(f => f.IpAddress).HasMaxLength(64);
    }
}
