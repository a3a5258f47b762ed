using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.BoardActions.Data.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261125100000_BoardActions_Initial")]
public sealed class BoardActionsInitial : Migration
{
    private const string P = ActionPlanConfigurations.Prefix;

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(P + "Actions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            YearStart = t.Column<int>(nullable: false),
            Position = t.Column<int>(nullable: false),
            What = t.Column<string>(maxLength: 1000, nullable: false),
            OwnerId = t.Column<Guid>(nullable: false),
            OwnerName = t.Column<string>(maxLength: 256, nullable: false),
            Due = t.Column<DateOnly>(nullable: false),
            SectionAnchor = t.Column<string>(maxLength: 40, nullable: true),
            SectionTitle = t.Column<string>(maxLength: 200, nullable: true),
            DoneOn = t.Column<DateOnly>(nullable: true),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            CreatedByName = t.Column<string>(maxLength: 256, nullable: false),
            Revision = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Actions", x => x.Id));
        m.CreateIndex("IX_" + P + "Actions_YearStart", P + "Actions", "YearStart");
        m.CreateIndex("IX_" + P + "Actions_OwnerId", P + "Actions", "OwnerId");

        m.CreateTable(P + "Updates", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ActionId = t.Column<Guid>(nullable: false),
            PostedUtc = t.Column<DateTime>(nullable: false),
            ByName = t.Column<string>(maxLength: 256, nullable: false),
            Text = t.Column<string>(maxLength: 4000, nullable: false),
            Change = t.Column<string>(maxLength: 500, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + P + "Updates", x => x.Id);
            t.ForeignKey("FK_" + P + "Updates_" + P + "Actions_ActionId", x => x.ActionId, P + "Actions", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_" + P + "Updates_ActionId", P + "Updates", "ActionId");

        m.CreateTable(P + "Plans", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            YearStart = t.Column<int>(nullable: false),
            ShowOnPublicReport = t.Column<bool>(nullable: false),
            ChangedUtc = t.Column<DateTime>(nullable: false),
            ChangedByName = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Plans", x => x.Id));
        m.CreateIndex("IX_" + P + "Plans_YearStart", P + "Plans", "YearStart", unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "Plans", "Updates", "Actions" })
            m.DropTable(P + table);
    }
}
