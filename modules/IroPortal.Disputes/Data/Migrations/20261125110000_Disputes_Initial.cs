using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Disputes.Data.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261125110000_Disputes_Initial")]
public sealed class DisputesInitial : Migration
{
    private const string P = DisputeConfigurations.Prefix;

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(P + "Stages", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            Position = t.Column<int>(nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            WorkingDays = t.Column<int>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Stages", x => x.Id));

        m.CreateTable(P + "Escalations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            IroId = t.Column<Guid>(nullable: false),
            IroName = t.Column<string>(maxLength: 256, nullable: false),
            CaseReference = t.Column<string>(maxLength: 30, nullable: false),
            Category = t.Column<string>(maxLength: 40, nullable: false),
            Summary = t.Column<string>(maxLength: 2000, nullable: false),
            OpenedOn = t.Column<DateOnly>(nullable: false),
            ResolvedOn = t.Column<DateOnly>(nullable: true),
            ClosedOn = t.Column<DateOnly>(nullable: true),
            ClosedReason = t.Column<string>(maxLength: 1000, nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            Revision = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Escalations", x => x.Id));
        m.CreateIndex("IX_" + P + "Escalations_IroId", P + "Escalations", "IroId");
        m.CreateIndex("IX_" + P + "Escalations_OpenedOn", P + "Escalations", "OpenedOn");

        m.CreateTable(P + "Steps", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            EscalationId = t.Column<Guid>(nullable: false),
            Number = t.Column<int>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            StageName = t.Column<string>(maxLength: 100, nullable: false),
            StagePosition = t.Column<int>(nullable: false),
            RaisedWith = t.Column<string>(maxLength: 200, nullable: false),
            RaisedOn = t.Column<DateOnly>(nullable: false),
            ResponseDue = t.Column<DateOnly>(nullable: true),
            RespondedOn = t.Column<DateOnly>(nullable: true),
            Outcome = t.Column<int>(nullable: false),
            Note = t.Column<string>(maxLength: 2000, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + P + "Steps", x => x.Id);
            t.ForeignKey("FK_" + P + "Steps_" + P + "Escalations_EscalationId", x => x.EscalationId, P + "Escalations", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_" + P + "Steps_EscalationId_Number", P + "Steps", ["EscalationId", "Number"], unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "Steps", "Escalations", "Stages" })
            m.DropTable(P + table);
    }
}
