using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Performance.Data.Migrations;

/// <summary>Returns pushed through the API, by each client's idempotency key.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261204091000_Performance_ReturnPushes")]
public sealed class PerformanceReturnPushes : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Performance_ReturnPushes", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ClientId = t.Column<string>(maxLength: 100, nullable: false),
            IdempotencyKey = t.Column<string>(maxLength: 100, nullable: false),
            RequestSha256 = t.Column<string>(maxLength: 64, nullable: false),
            ImportId = t.Column<Guid>(nullable: true),
            CreatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Performance_ReturnPushes", x => x.Id));
        m.CreateIndex("IX_Performance_ReturnPushes_ClientId_IdempotencyKey", "Performance_ReturnPushes", ["ClientId", "IdempotencyKey"], unique: true);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("Performance_ReturnPushes");
}
