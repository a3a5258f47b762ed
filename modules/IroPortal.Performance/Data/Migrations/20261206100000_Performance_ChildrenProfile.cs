using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Performance.Data.Migrations;

/// <summary>The children's profile: sex, the ethnic group (not the code) and UASC status from the return; and the last
/// day an extract for part of a year covers.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261206100000_Performance_ChildrenProfile")]
public sealed class PerformanceChildrenProfile : Migration
{
    private const string P = PerformanceConfigurations.Prefix;

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("Sex", P + "Children", maxLength: 1, nullable: false, defaultValue: "");
        m.AddColumn<string>("EthnicGroup", P + "Children", maxLength: 40, nullable: false, defaultValue: "");
        m.AddColumn<bool>("Uasc", P + "Children", nullable: false, defaultValue: false);
        m.AddColumn<DateOnly>("UascCeased", P + "Children", nullable: true);
        m.AddColumn<DateOnly>("RunsTo", P + "Imports", nullable: true);
        m.AddColumn<DateOnly>("RunsTo", P + "StagedUploads", nullable: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("RunsTo", P + "StagedUploads");
        m.DropColumn("RunsTo", P + "Imports");
        foreach (var column in new[] { "UascCeased", "Uasc", "EthnicGroup", "Sex" }) m.DropColumn(column, P + "Children");
    }
}
