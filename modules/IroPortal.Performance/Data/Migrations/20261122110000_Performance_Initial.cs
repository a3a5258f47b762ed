using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Performance.Data.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261122110000_Performance_Initial")]
public sealed class PerformanceInitial : Migration
{
    private const string P = "Performance_";

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(P + "Children", t => new
        {
            YearStart = t.Column<int>(nullable: false),
            ChildId = t.Column<string>(maxLength: 20, nullable: false),
            DateOfBirth = t.Column<DateOnly>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Children", x => new { x.YearStart, x.ChildId }));

        m.CreateTable(P + "Episodes", t => new
        {
            YearStart = t.Column<int>(nullable: false),
            ChildId = t.Column<string>(maxLength: 20, nullable: false),
            Start = t.Column<DateOnly>(nullable: false),
            End = t.Column<DateOnly>(nullable: true),
            ReasonNewEpisode = t.Column<string>(maxLength: 4, nullable: false),
            LegalStatus = t.Column<string>(maxLength: 4, nullable: false),
            Placement = t.Column<string>(maxLength: 4, nullable: false),
            ReasonEnded = t.Column<string>(maxLength: 4, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Episodes", x => new { x.YearStart, x.ChildId, x.Start }));

        m.CreateTable(P + "Reviews", t => new
        {
            YearStart = t.Column<int>(nullable: false),
            ChildId = t.Column<string>(maxLength: 20, nullable: false),
            ReviewDate = t.Column<DateOnly>(nullable: false),
            Code = t.Column<string>(maxLength: 3, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Reviews", x => new { x.YearStart, x.ChildId, x.ReviewDate }));

        m.CreateTable(P + "Allocations", t => new
        {
            YearStart = t.Column<int>(nullable: false),
            ChildId = t.Column<string>(maxLength: 20, nullable: false),
            From = t.Column<DateOnly>(nullable: false),
            To = t.Column<DateOnly>(nullable: true),
            IroName = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Allocations", x => new { x.YearStart, x.ChildId, x.From }));

        m.CreateTable(P + "StagedUploads", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            YearStart = t.Column<int>(nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            CreatedById = t.Column<Guid>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "StagedUploads", x => x.Id));

        m.CreateTable(P + "StagedFiles", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UploadId = t.Column<Guid>(nullable: false),
            FileName = t.Column<string>(maxLength: 260, nullable: false),
            Sha256 = t.Column<string>(maxLength: 64, nullable: false),
            Content = t.Column<byte[]>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + P + "StagedFiles", x => x.Id);
            t.ForeignKey("FK_" + P + "StagedFiles_" + P + "StagedUploads_UploadId", x => x.UploadId, P + "StagedUploads", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_" + P + "StagedFiles_UploadId", P + "StagedFiles", "UploadId");

        m.CreateTable(P + "Imports", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            YearStart = t.Column<int>(nullable: false),
            State = t.Column<int>(nullable: false),
            StagedUploadId = t.Column<Guid>(nullable: true),
            ImportedBy = t.Column<string>(maxLength: 256, nullable: false),
            StartedUtc = t.Column<DateTime>(nullable: false),
            FinishedUtc = t.Column<DateTime>(nullable: true),
            HeartbeatUtc = t.Column<DateTime>(nullable: false),
            Files = t.Column<string>(nullable: false),
            Children = t.Column<int>(nullable: false),
            Episodes = t.Column<int>(nullable: false),
            Reviews = t.Column<int>(nullable: false),
            Allocations = t.Column<int>(nullable: false),
            Warnings = t.Column<int>(nullable: false),
            RowsTotal = t.Column<int>(nullable: false),
            RowsWritten = t.Column<int>(nullable: false),
            Failure = t.Column<string>(maxLength: 2000, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Imports", x => x.Id));
        m.CreateIndex("IX_" + P + "Imports_YearStart_StartedUtc", P + "Imports", ["YearStart", "StartedUtc"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "Imports", "StagedFiles", "StagedUploads", "Allocations", "Reviews", "Episodes", "Children" })
            m.DropTable(P + table);
    }
}
