using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.AnnualReport.Data.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261122210000_AnnualReport_Initial")]
public sealed class AnnualReportInitial : Migration
{
    private const string P = "AnnualReport_";

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(P + "Reports", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            YearStart = t.Column<int>(nullable: false),
            Status = t.Column<int>(nullable: false),
            SharedWithIros = t.Column<bool>(nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            ApprovedUtc = t.Column<DateTime>(nullable: true),
            ApprovedByName = t.Column<string>(maxLength: 256, nullable: true),
            FrozenFigures = t.Column<string>(nullable: true),
            CurrentVersion = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Reports", x => x.Id));
        m.CreateIndex("IX_" + P + "Reports_YearStart", P + "Reports", "YearStart", unique: true);

        m.CreateTable(P + "Sections", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ReportId = t.Column<Guid>(nullable: false),
            Key = t.Column<string>(maxLength: 40, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Position = t.Column<int>(nullable: false),
            Body = t.Column<string>(nullable: false),
            Revision = t.Column<int>(nullable: false),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
            UpdatedByName = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + P + "Sections", x => x.Id);
            t.ForeignKey("FK_" + P + "Sections_" + P + "Reports_ReportId", x => x.ReportId, P + "Reports", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_" + P + "Sections_ReportId", P + "Sections", "ReportId");

        m.CreateTable(P + "PriorityProgress", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ReportId = t.Column<Guid>(nullable: false),
            Position = t.Column<int>(nullable: false),
            Priority = t.Column<string>(maxLength: 2000, nullable: false),
            Update = t.Column<string>(nullable: false),
            UpdatedUtc = t.Column<DateTime>(nullable: true),
            UpdatedByName = t.Column<string>(maxLength: 256, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + P + "PriorityProgress", x => x.Id);
            t.ForeignKey("FK_" + P + "PriorityProgress_" + P + "Reports_ReportId", x => x.ReportId, P + "Reports", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_" + P + "PriorityProgress_ReportId", P + "PriorityProgress", "ReportId");

        m.CreateTable(P + "Versions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ReportId = t.Column<Guid>(nullable: false),
            Number = t.Column<int>(nullable: false),
            SavedUtc = t.Column<DateTime>(nullable: false),
            SavedByName = t.Column<string>(maxLength: 256, nullable: false),
            Change = t.Column<string>(maxLength: 500, nullable: false),
            Snapshot = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + P + "Versions", x => x.Id);
            t.ForeignKey("FK_" + P + "Versions_" + P + "Reports_ReportId", x => x.ReportId, P + "Reports", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_" + P + "Versions_ReportId_Number", P + "Versions", ["ReportId", "Number"], unique: true);

        m.CreateTable(P + "Comments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            SectionId = t.Column<Guid>(nullable: false),
            AuthorId = t.Column<Guid>(nullable: false),
            AuthorName = t.Column<string>(maxLength: 256, nullable: false),
            Text = t.Column<string>(maxLength: 4000, nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + P + "Comments", x => x.Id);
            t.ForeignKey("FK_" + P + "Comments_" + P + "Sections_SectionId", x => x.SectionId, P + "Sections", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_" + P + "Comments_SectionId", P + "Comments", "SectionId");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "Comments", "Versions", "PriorityProgress", "Sections", "Reports" })
            m.DropTable(P + table);
    }
}
