using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.OpenId.Data.Migrations;

/// <summary>Signing in with the council's account: the administrator's choices, and groups mapped to roles.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261204092000_OpenId_SignIn")]
public sealed class OpenIdSignIn : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("OpenId_SignInSettings", t => new
        {
            Id = t.Column<int>(nullable: false),
            SignOutOfProvider = t.Column<bool>(nullable: false),
            RequiredForRoles = t.Column<string>(maxLength: 2000, nullable: false),
            ChangedUtc = t.Column<DateTime>(nullable: true),
            ChangedBy = t.Column<string>(maxLength: 256, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_OpenId_SignInSettings", x => x.Id));
        m.CreateTable("OpenId_GroupRoles", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Group = t.Column<string>(maxLength: 200, nullable: false),
            Role = t.Column<string>(maxLength: 256, nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_OpenId_GroupRoles", x => x.Id));
        m.CreateIndex("IX_OpenId_GroupRoles_Group_Role", "OpenId_GroupRoles", ["Group", "Role"], unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("OpenId_GroupRoles");
        m.DropTable("OpenId_SignInSettings");
    }
}
