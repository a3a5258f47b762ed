using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Data.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261122090000_Data_ProtectionKeys")]
public sealed class DataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Data_ProtectionKeys",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FriendlyName = table.Column<string>(maxLength: 200, nullable: false),
                Xml = table.Column<string>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Data_ProtectionKeys", k => k.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Data_ProtectionKeys");
}
