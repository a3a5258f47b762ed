using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.BoardActions.Data.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261203090000_BoardActions_YouSaidWeDid")]
public sealed class BoardActionsYouSaidWeDid : Migration
{
    private const string P = ActionPlanConfigurations.Prefix;

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(P + "ChildrensThemes", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            YearStart = t.Column<int>(nullable: false),
            Position = t.Column<int>(nullable: false),
            Said = t.Column<string>(maxLength: 500, nullable: false),
            ChangedUtc = t.Column<DateTime>(nullable: false),
            ChangedByName = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "ChildrensThemes", x => x.Id));
        m.CreateIndex("IX_" + P + "ChildrensThemes_YearStart", P + "ChildrensThemes", "YearStart");

        m.CreateTable(P + "ChildrensThemeActions", t => new
        {
            ThemeId = t.Column<Guid>(nullable: false),
            ActionId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + P + "ChildrensThemeActions", x => new { x.ThemeId, x.ActionId });
            t.ForeignKey("FK_" + P + "ChildrensThemeActions_" + P + "ChildrensThemes_ThemeId", x => x.ThemeId, P + "ChildrensThemes", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_" + P + "ChildrensThemeActions_" + P + "Actions_ActionId", x => x.ActionId, P + "Actions", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_" + P + "ChildrensThemeActions_ActionId", P + "ChildrensThemeActions", "ActionId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable(P + "ChildrensThemeActions");
        m.DropTable(P + "ChildrensThemes");
    }
}
