using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Contributions.Data.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261122200000_Contributions_Initial")]
public sealed class ContributionsInitial : Migration
{
    private const string P = "Contributions_";

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(P + "Rounds", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            YearStart = t.Column<int>(nullable: false),
            Deadline = t.Column<DateOnly>(nullable: false),
            Guidance = t.Column<string>(maxLength: 4000, nullable: false),
            OpenedById = t.Column<Guid>(nullable: false),
            OpenedByName = t.Column<string>(maxLength: 256, nullable: false),
            OpenedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Rounds", x => x.Id));
        m.CreateIndex("IX_" + P + "Rounds_YearStart", P + "Rounds", "YearStart");

        m.CreateTable(P + "Contributions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RoundId = t.Column<Guid>(nullable: false),
            IroId = t.Column<Guid>(nullable: false),
            IroName = t.Column<string>(maxLength: 256, nullable: false),
            Status = t.Column<int>(nullable: false),
            PrefilledCaseload = t.Column<int>(nullable: true),
            PrefilledReviewsChaired = t.Column<int>(nullable: true),
            Caseload = t.Column<int>(nullable: true),
            ReviewsChaired = t.Column<int>(nullable: true),
            FiguresChangeReason = t.Column<string>(maxLength: 1000, nullable: false),
            GoodPractice = t.Column<string>(nullable: false),
            Themes = t.Column<string>(nullable: false),
            ConcernsRaised = t.Column<string>(nullable: false),
            ChildrenVoices = t.Column<string>(nullable: false),
            TrainingReceived = t.Column<string>(nullable: false),
            TrainingNeeded = t.Column<string>(nullable: false),
            Improvements = t.Column<string>(nullable: false),
            ManagerComments = t.Column<string>(maxLength: 4000, nullable: false),
            SubmittedUtc = t.Column<DateTime>(nullable: true),
            ReturnedUtc = t.Column<DateTime>(nullable: true),
            AcceptedUtc = t.Column<DateTime>(nullable: true),
            AcceptedByName = t.Column<string>(maxLength: 256, nullable: true),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + P + "Contributions", x => x.Id);
            t.ForeignKey("FK_" + P + "Contributions_" + P + "Rounds_RoundId", x => x.RoundId, P + "Rounds", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_" + P + "Contributions_RoundId_IroId", P + "Contributions", ["RoundId", "IroId"], unique: true);
        m.CreateIndex("IX_" + P + "Contributions_IroId", P + "Contributions", "IroId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable(P + "Contributions");
        m.DropTable(P + "Rounds");
    }
}
