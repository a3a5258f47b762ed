using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Users.Data.Migrations;

/// <summary>Sessions kept on the server (sign-out and an administrator's changes end them everywhere), and failed
/// sign-ins counted per account and address. Secrets already stored are encrypted or hashed at the next start by
/// <c>AccountSecretsUpgrade</c>, which needs the data-protection keys a migration cannot reach.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261202090000_Users_Sessions")]
public sealed class UsersSessions : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Users_Sessions", t => new
        {
            Id = t.Column<string>(maxLength: 64, nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            SignedInUtc = t.Column<DateTime>(nullable: false),
            LastSeenUtc = t.Column<DateTime>(nullable: false),
            ConfirmedUtc = t.Column<DateTime>(nullable: false),
            Device = t.Column<string>(maxLength: 200, nullable: false),
            IpAddress = t.Column<string>(maxLength: 64, nullable: false),
            Ticket = t.Column<byte[]>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Users_Sessions", x => x.Id);
            t.ForeignKey("FK_Users_Sessions_Users_Users_UserId", x => x.UserId, "Users_Users", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Users_Sessions_UserId", "Users_Sessions", "UserId");

        m.CreateTable("Users_SignInFailures", t => new
        {
            Id = t.Column<string>(maxLength: 64, nullable: false),
            UserId = t.Column<Guid>(nullable: true),
            IpAddress = t.Column<string>(maxLength: 64, nullable: false),
            Failures = t.Column<int>(nullable: false),
            LastFailedUtc = t.Column<DateTime>(nullable: false),
            HeldUntilUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Users_SignInFailures", x => x.Id));
        m.CreateIndex("IX_Users_SignInFailures_UserId", "Users_SignInFailures", "UserId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("Users_SignInFailures");
        m.DropTable("Users_Sessions");
    }
}
