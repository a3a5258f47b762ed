using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Performance.Data.Migrations;

/// <summary>The miles from home to each placement, when the return has PL_DISTANCE (never the postcodes).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261207090000_Performance_PlacementDistance")]
public sealed class PerformancePlacementDistance : Migration
{
    private const string P = PerformanceConfigurations.Prefix;

    protected override void Up(MigrationBuilder m) => m.AddColumn<double>("PlacementDistance", P + "Episodes", nullable: true);

    protected override void Down(MigrationBuilder m) => m.DropColumn("PlacementDistance", P + "Episodes");
}
