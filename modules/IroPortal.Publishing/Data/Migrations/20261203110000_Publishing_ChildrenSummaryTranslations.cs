using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Publishing.Data.Migrations;

/// <summary>The children's summary in other languages, confirmed by a reader of the language before it is published.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261203110000_Publishing_ChildrenSummaryTranslations")]
public sealed class PublishingChildrenSummaryTranslations : Migration
{
    private const string P = PublishingConfigurations.Prefix;

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(P + "ChildrenSummaryTranslations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            YearStart = t.Column<int>(nullable: false),
            Language = t.Column<string>(maxLength: 20, nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            EnglishName = t.Column<string>(maxLength: 100, nullable: false),
            Texts = t.Column<string>(nullable: false),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
            UpdatedByName = t.Column<string>(maxLength: 256, nullable: false),
            ReadBy = t.Column<string>(maxLength: 200, nullable: true),
            CheckedUtc = t.Column<DateTime>(nullable: true),
            CheckedByName = t.Column<string>(maxLength: 256, nullable: true),
            PublishedSections = t.Column<string>(nullable: true),
            PublishedUtc = t.Column<DateTime>(nullable: true),
            PublishedByName = t.Column<string>(maxLength: 256, nullable: true),
            Revision = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "ChildrenSummaryTranslations", x => x.Id));
        m.CreateIndex("IX_" + P + "ChildrenSummaryTranslations_YearStart_Language", P + "ChildrenSummaryTranslations", ["YearStart", "Language"], unique: true);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable(P + "ChildrenSummaryTranslations");
}
