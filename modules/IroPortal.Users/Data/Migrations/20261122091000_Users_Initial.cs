using IroPortal.Data;
using IroPortal.Data.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Users.Data.Migrations;

/// <summary>Users, roles, identity's token and claim tables, permission grants and the audit trail.
/// Column types are left to the provider, so one migration serves SQLite and PostgreSQL.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122091000_Users_Initial")]
public sealed class UsersInitial : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Users_Users", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            DisplayName = t.Column<string>(maxLength: 200, nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            LastSignInUtc = t.Column<DateTime>(nullable: true),
            IsDisabled = t.Column<bool>(nullable: false),
            LastTotpTimeStep = t.Column<long>(nullable: true),
            UserName = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
            Email = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
            EmailConfirmed = t.Column<bool>(nullable: false),
            PasswordHash = t.Column<string>(nullable: true),
            SecurityStamp = t.Column<string>(nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
            PhoneNumber = t.Column<string>(nullable: true),
            PhoneNumberConfirmed = t.Column<bool>(nullable: false),
            TwoFactorEnabled = t.Column<bool>(nullable: false),
            LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
            LockoutEnabled = t.Column<bool>(nullable: false),
            AccessFailedCount = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Users_Users", x => x.Id));
        m.CreateIndex("UserNameIndex", "Users_Users", "NormalizedUserName", unique: true);
        m.CreateIndex("EmailIndex", "Users_Users", "NormalizedEmail");

        m.CreateTable("Users_Roles", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Description = t.Column<string>(maxLength: 500, nullable: false),
            Name = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedName = t.Column<string>(maxLength: 256, nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Users_Roles", x => x.Id));
        m.CreateIndex("RoleNameIndex", "Users_Roles", "NormalizedName", unique: true);

        m.CreateTable("Users_UserClaims", t => new
        {
            Id = t.Column<int>(nullable: false).DatabaseGenerated(),
            UserId = t.Column<Guid>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Users_UserClaims", x => x.Id);
            t.ForeignKey("FK_Users_UserClaims_Users_Users_UserId", x => x.UserId, "Users_Users", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Users_UserClaims_UserId", "Users_UserClaims", "UserId");

        m.CreateTable("Users_UserLogins", t => new
        {
            LoginProvider = t.Column<string>(nullable: false),
            ProviderKey = t.Column<string>(nullable: false),
            ProviderDisplayName = t.Column<string>(nullable: true),
            UserId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Users_UserLogins", x => new { x.LoginProvider, x.ProviderKey });
            t.ForeignKey("FK_Users_UserLogins_Users_Users_UserId", x => x.UserId, "Users_Users", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Users_UserLogins_UserId", "Users_UserLogins", "UserId");

        m.CreateTable("Users_UserTokens", t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            LoginProvider = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Users_UserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
            t.ForeignKey("FK_Users_UserTokens_Users_Users_UserId", x => x.UserId, "Users_Users", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("Users_UserRoles", t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            RoleId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Users_UserRoles", x => new { x.UserId, x.RoleId });
            t.ForeignKey("FK_Users_UserRoles_Users_Roles_RoleId", x => x.RoleId, "Users_Roles", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Users_UserRoles_Users_Users_UserId", x => x.UserId, "Users_Users", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Users_UserRoles_RoleId", "Users_UserRoles", "RoleId");

        m.CreateTable("Users_RoleClaims", t => new
        {
            Id = t.Column<int>(nullable: false).DatabaseGenerated(),
            RoleId = t.Column<Guid>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Users_RoleClaims", x => x.Id);
            t.ForeignKey("FK_Users_RoleClaims_Users_Roles_RoleId", x => x.RoleId, "Users_Roles", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Users_RoleClaims_RoleId", "Users_RoleClaims", "RoleId");

        m.CreateTable("Users_RolePermissions", t => new
        {
            RoleId = t.Column<Guid>(nullable: false),
            Permission = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Users_RolePermissions", x => new { x.RoleId, x.Permission });
            t.ForeignKey("FK_Users_RolePermissions_Users_Roles_RoleId", x => x.RoleId, "Users_Roles", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("Users_KnownPermissions", t => new
        {
            Name = t.Column<string>(maxLength: 200, nullable: false),
            FirstSeenUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Users_KnownPermissions", x => x.Name));

        m.CreateTable("Users_AuditEvents", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OccurredUtc = t.Column<DateTime>(nullable: false),
            EventType = t.Column<string>(maxLength: 60, nullable: false),
            ActorUserId = t.Column<Guid>(nullable: true),
            ActorName = t.Column<string>(maxLength: 256, nullable: false),
            SubjectUserId = t.Column<Guid>(nullable: true),
            SubjectName = t.Column<string>(maxLength: 256, nullable: false),
            Detail = t.Column<string>(maxLength: 2000, nullable: false),
            IpAddress = t.Column<string>(maxLength: 64, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Users_AuditEvents", x => x.Id));
        m.CreateIndex("IX_Users_AuditEvents_OccurredUtc", "Users_AuditEvents", "OccurredUtc");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "Users_AuditEvents", "Users_KnownPermissions", "Users_RolePermissions", "Users_RoleClaims",
                     "Users_UserRoles", "Users_UserTokens", "Users_UserLogins", "Users_UserClaims", "Users_Roles", "Users_Users" })
            m.DropTable(table);
    }
}
