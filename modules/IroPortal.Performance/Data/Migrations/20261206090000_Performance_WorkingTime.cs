using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Performance.Data.Migrations;

/// <summary>Caseloads per full-time IRO: each IRO's working time from a date (and the part given to other duties),
/// and the FTE an allocation list may carry.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261206090000_Performance_WorkingTime")]
public sealed class PerformanceWorkingTime : Migration
{
    private const string P = PerformanceConfigurations.Prefix;

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<double>("Fte", P + "Allocations", nullable: true);
        m.CreateTable(P + "IroWorkingTimes", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            IroName = t.Column<string>(maxLength: 200, nullable: false),
            From = t.Column<DateOnly>(nullable: false),
            Fte = t.Column<double>(nullable: false),
            OtherDutiesFte = t.Column<double>(nullable: false),
            OtherDuties = t.Column<string>(maxLength: 500, nullable: false),
            RecordedUtc = t.Column<DateTime>(nullable: false),
            RecordedByName = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "IroWorkingTimes", x => x.Id));
        m.CreateIndex("IX_" + P + "IroWorkingTimes_IroName_From", P + "IroWorkingTimes", ["IroName", "From"], unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable(P + "IroWorkingTimes");
        m.DropColumn("Fte", P + "Allocations");
    }
}
