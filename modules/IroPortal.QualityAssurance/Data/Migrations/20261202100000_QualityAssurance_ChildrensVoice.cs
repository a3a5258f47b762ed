using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.QualityAssurance.Data.Migrations;

/// <summary>Children's self-started feedback (version, language, contact), urgent concerns, the safeguarding settings, and translations of the children's form.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261202100000_QualityAssurance_ChildrensVoice")]
public sealed class QualityAssuranceChildrensVoice : Migration
{
    private const string P = "QualityAssurance_";

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<int>("ChildVersion", P + "FeedbackRequests", nullable: true);
        m.AddColumn<int>("FormVersion", P + "FeedbackResponses", nullable: true);
        m.AddColumn<string>("Language", P + "FeedbackResponses", maxLength: 20, nullable: true);
        m.AddColumn<bool>("WantsContact", P + "FeedbackResponses", nullable: false, defaultValue: false);
        m.AddColumn<string>("ContactDetails", P + "FeedbackResponses", maxLength: 500, nullable: true);

        m.CreateTable(P + "UrgentConcerns", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ResponseId = t.Column<Guid>(nullable: false),
            RaisedUtc = t.Column<DateTime>(nullable: false),
            Reasons = t.Column<string>(maxLength: 2000, nullable: false),
            DueUtc = t.Column<DateTime>(nullable: false),
            ResponseWorkingHours = t.Column<int>(nullable: false),
            AcknowledgedUtc = t.Column<DateTime>(nullable: true),
            AcknowledgedByName = t.Column<string>(maxLength: 256, nullable: true),
            ActionTaken = t.Column<string>(maxLength: 4000, nullable: true),
            ActionRecordedUtc = t.Column<DateTime>(nullable: true),
            ActionRecordedByName = t.Column<string>(maxLength: 256, nullable: true),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + P + "UrgentConcerns", x => x.Id);
            t.ForeignKey("FK_" + P + "UrgentConcerns_" + P + "FeedbackResponses_ResponseId", x => x.ResponseId, P + "FeedbackResponses", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_" + P + "UrgentConcerns_ResponseId", P + "UrgentConcerns", "ResponseId", unique: true);
        m.CreateIndex("IX_" + P + "UrgentConcerns_ActionRecordedUtc", P + "UrgentConcerns", "ActionRecordedUtc");

        m.CreateTable(P + "SafeguardingSettings", t => new
        {
            Id = t.Column<int>(nullable: false),
            DutyManagerIds = t.Column<string>(maxLength: 2000, nullable: false),
            EscalationIds = t.Column<string>(maxLength: 2000, nullable: false),
            ResponseWorkingHours = t.Column<int>(nullable: false),
            ExtraWords = t.Column<string>(maxLength: 8000, nullable: false),
            UpdatedByName = t.Column<string>(maxLength: 256, nullable: true),
            UpdatedUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + P + "SafeguardingSettings", x => x.Id));

        m.CreateTable(P + "ChildLanguages", t => new
        {
            Code = t.Column<string>(maxLength: 20, nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            EnglishName = t.Column<string>(maxLength: 100, nullable: false),
            UpdatedByName = t.Column<string>(maxLength: 256, nullable: true),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "ChildLanguages", x => x.Code));
        m.CreateTable(P + "ChildTranslations", t => new
        {
            LanguageCode = t.Column<string>(maxLength: 20, nullable: false),
            Key = t.Column<string>(maxLength: 100, nullable: false),
            Text = t.Column<string>(maxLength: 2000, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + P + "ChildTranslations", x => new { x.LanguageCode, x.Key });
            t.ForeignKey("FK_" + P + "ChildTranslations_" + P + "ChildLanguages_LanguageCode", x => x.LanguageCode, P + "ChildLanguages", "Code", onDelete: ReferentialAction.Cascade);
        });
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable(P + "ChildTranslations");
        m.DropTable(P + "ChildLanguages");
        m.DropTable(P + "SafeguardingSettings");
        m.DropTable(P + "UrgentConcerns");
        foreach (var column in new[] { "FormVersion", "Language", "WantsContact", "ContactDetails" })
            m.DropColumn(column, P + "FeedbackResponses");
        m.DropColumn("ChildVersion", P + "FeedbackRequests");
    }
}
