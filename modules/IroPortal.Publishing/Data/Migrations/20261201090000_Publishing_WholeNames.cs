using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Publishing.Data.Migrations;

/// <summary>Approved people are whole names (a lone first name is still a finding); the council's case references
/// have a shape the manager sets.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261201090000_Publishing_WholeNames")]
public sealed class PublishingWholeNames : Migration
{
    private const string P = PublishingConfigurations.Prefix;

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<bool>("IsPerson", P + "ApprovedNames", nullable: false, defaultValue: false);
        // Names approved before were staff names (one click) or single words: a name of two or more words is a person's.
        m.Sql($"UPDATE \"{P}ApprovedNames\" SET \"IsPerson\" = TRUE WHERE \"Name\" LIKE '% %'");
        m.CreateTable(P + "GuardSettings", t => new
        {
            Id = t.Column<int>(nullable: false),
            CaseReferenceShapes = t.Column<string>(maxLength: 1000, nullable: false),
            ChangedUtc = t.Column<DateTime>(nullable: false),
            ChangedByName = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "GuardSettings", x => x.Id));
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable(P + "GuardSettings");
        m.DropColumn("IsPerson", P + "ApprovedNames");
    }
}
