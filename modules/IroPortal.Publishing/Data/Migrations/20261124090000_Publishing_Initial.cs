using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Publishing.Data.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261124090000_Publishing_Initial")]
public sealed class PublishingInitial : Migration
{
    private const string P = PublishingConfigurations.Prefix;

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(P + "Releases", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            YearStart = t.Column<int>(nullable: false),
            Audience = t.Column<int>(nullable: false),
            Number = t.Column<int>(nullable: false),
            MeetingDate = t.Column<DateOnly>(nullable: true),
            PublishedUtc = t.Column<DateTime>(nullable: false),
            PublishedByName = t.Column<string>(maxLength: 256, nullable: false),
            ChangeNote = t.Column<string>(maxLength: 2000, nullable: false),
            ReportVersion = t.Column<int>(nullable: false),
            Sections = t.Column<string>(nullable: false),
            Pdf = t.Column<byte[]>(nullable: true),
            PdfProblem = t.Column<string>(maxLength: 500, nullable: true),
            Workbook = t.Column<byte[]>(nullable: true),
            ReadabilityReason = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Releases", x => x.Id));
        m.CreateIndex("IX_" + P + "Releases_YearStart_Audience_Number", P + "Releases", ["YearStart", "Audience", "Number"], unique: true);

        m.CreateTable(P + "BoardOnlySections", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            YearStart = t.Column<int>(nullable: false),
            SectionId = t.Column<Guid>(nullable: false),
            MarkedUtc = t.Column<DateTime>(nullable: false),
            MarkedByName = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "BoardOnlySections", x => x.Id));
        m.CreateIndex("IX_" + P + "BoardOnlySections_YearStart_SectionId", P + "BoardOnlySections", ["YearStart", "SectionId"], unique: true);

        m.CreateTable(P + "ApprovedNames", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            AddedUtc = t.Column<DateTime>(nullable: false),
            AddedByName = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "ApprovedNames", x => x.Id));
        m.CreateIndex("IX_" + P + "ApprovedNames_Name", P + "ApprovedNames", "Name", unique: true);

        m.CreateTable(P + "GuardOverrides", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            YearStart = t.Column<int>(nullable: false),
            Audience = t.Column<int>(nullable: false),
            FindingKey = t.Column<string>(maxLength: 64, nullable: false),
            Kind = t.Column<string>(maxLength: 100, nullable: false),
            Text = t.Column<string>(maxLength: 500, nullable: false),
            Reason = t.Column<string>(maxLength: 1000, nullable: false),
            ByName = t.Column<string>(maxLength: 256, nullable: false),
            Utc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "GuardOverrides", x => x.Id));
        m.CreateIndex("IX_" + P + "GuardOverrides_YearStart_Audience_FindingKey", P + "GuardOverrides", ["YearStart", "Audience", "FindingKey"], unique: true);

        m.CreateTable(P + "BoardQuestions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            YearStart = t.Column<int>(nullable: false),
            SectionAnchor = t.Column<string>(maxLength: 40, nullable: false),
            SectionTitle = t.Column<string>(maxLength: 200, nullable: false),
            AskedById = t.Column<Guid>(nullable: false),
            AskedByName = t.Column<string>(maxLength: 256, nullable: false),
            Text = t.Column<string>(maxLength: 4000, nullable: false),
            AskedUtc = t.Column<DateTime>(nullable: false),
            Answer = t.Column<string>(maxLength: 4000, nullable: true),
            AnsweredByName = t.Column<string>(maxLength: 256, nullable: true),
            AnsweredUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + P + "BoardQuestions", x => x.Id));
        m.CreateIndex("IX_" + P + "BoardQuestions_YearStart", P + "BoardQuestions", "YearStart");

        m.CreateTable(P + "BoardResolutions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            YearStart = t.Column<int>(nullable: false),
            MeetingDate = t.Column<DateOnly>(nullable: false),
            Outcome = t.Column<string>(maxLength: 40, nullable: false),
            Minute = t.Column<string>(maxLength: 4000, nullable: false),
            RecordedUtc = t.Column<DateTime>(nullable: false),
            RecordedByName = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "BoardResolutions", x => x.Id));
        m.CreateIndex("IX_" + P + "BoardResolutions_YearStart", P + "BoardResolutions", "YearStart", unique: true);

        m.CreateTable(P + "ChildrenSummaries", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            YearStart = t.Column<int>(nullable: false),
            WhatIsAnIro = t.Column<string>(nullable: false),
            WhatWeDid = t.Column<string>(nullable: false),
            WhatYouToldUs = t.Column<string>(nullable: false),
            WhatWeWillDo = t.Column<string>(nullable: false),
            HowToTellUs = t.Column<string>(nullable: false),
            FeedbackLink = t.Column<string>(maxLength: 500, nullable: false),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
            UpdatedByName = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "ChildrenSummaries", x => x.Id));
        m.CreateIndex("IX_" + P + "ChildrenSummaries_YearStart", P + "ChildrenSummaries", "YearStart", unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "ChildrenSummaries", "BoardResolutions", "BoardQuestions", "GuardOverrides", "ApprovedNames", "BoardOnlySections", "Releases" })
            m.DropTable(P + table);
    }
}
