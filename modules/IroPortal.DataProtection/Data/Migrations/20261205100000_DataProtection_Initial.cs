using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.DataProtection.Data.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261205100000_DataProtection_Initial")]
public sealed class DataProtectionInitial : Migration
{
    private const string P = "DataProtection_";

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(P + "RetentionPeriods", t => new
        {
            Kind = t.Column<string>(maxLength: 100, nullable: false),
            Days = t.Column<int>(nullable: false),
            ChangedBy = t.Column<string>(maxLength: 256, nullable: false),
            ChangedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "RetentionPeriods", x => x.Kind));
        m.CreateTable(P + "RetentionPolicy", t => new
        {
            Id = t.Column<int>(nullable: false),
            Version = t.Column<int>(nullable: false),
            ConfirmedVersion = t.Column<int>(nullable: false),
            ConfirmedBy = t.Column<string>(maxLength: 256, nullable: false),
            ConfirmedUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + P + "RetentionPolicy", x => x.Id));
        m.CreateTable(P + "DisposalRuns", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            StartedUtc = t.Column<DateTime>(nullable: false),
            FinishedUtc = t.Column<DateTime>(nullable: true),
            RunBy = t.Column<string>(maxLength: 256, nullable: false),
            PolicyVersion = t.Column<int>(nullable: false),
            Counts = t.Column<string>(maxLength: 4000, nullable: false),
            Total = t.Column<int>(nullable: false),
            Failure = t.Column<string>(maxLength: 2000, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "DisposalRuns", x => x.Id));
        m.CreateIndex("IX_" + P + "DisposalRuns_StartedUtc", P + "DisposalRuns", "StartedUtc");
        m.CreateTable(P + "Statements", t => new
        {
            Key = t.Column<string>(maxLength: 50, nullable: false),
            Text = t.Column<string>(maxLength: 20000, nullable: false),
            ChangedBy = t.Column<string>(maxLength: 256, nullable: false),
            ChangedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Statements", x => x.Key));
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable(P + "Statements");
        m.DropTable(P + "DisposalRuns");
        m.DropTable(P + "RetentionPolicy");
        m.DropTable(P + "RetentionPeriods");
    }
}
