using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.AnnualReport.Data.Migrations;

/// <summary>The board's actions on last year's report join its listed priorities in "progress on last year's priorities".</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261125090000_AnnualReport_CarriedActions")]
public sealed class AnnualReportCarriedActions : Migration
{
    private const string P = "AnnualReport_";

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<Guid>("BoardActionId", P + "PriorityProgress", nullable: true);
        m.AddColumn<string>("Detail", P + "PriorityProgress", nullable: false, defaultValue: "");
        m.CreateIndex("IX_" + P + "PriorityProgress_ReportId_BoardActionId", P + "PriorityProgress", ["ReportId", "BoardActionId"], unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_" + P + "PriorityProgress_ReportId_BoardActionId", P + "PriorityProgress");
        m.DropColumn("Detail", P + "PriorityProgress");
        m.DropColumn("BoardActionId", P + "PriorityProgress");
    }
}
