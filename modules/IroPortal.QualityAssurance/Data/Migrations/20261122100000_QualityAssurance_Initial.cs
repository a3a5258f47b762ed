using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.QualityAssurance.Data.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261122100000_QualityAssurance_Initial")]
public sealed class QualityAssuranceInitial : Migration
{
    private const string P = "QualityAssurance_";

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(P + "Standards", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Activity = t.Column<int>(nullable: false),
            IntervalMonths = t.Column<int>(nullable: false),
            EffectiveFrom = t.Column<DateOnly>(nullable: false),
            SetBy = t.Column<string>(maxLength: 256, nullable: false),
            SetUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Standards", x => x.Id));
        m.CreateIndex("IX_" + P + "Standards_Activity_EffectiveFrom", P + "Standards", ["Activity", "EffectiveFrom"], unique: true);

        m.CreateTable(P + "Observations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            IroId = t.Column<Guid>(nullable: false),
            ObservedOn = t.Column<DateOnly>(nullable: false),
            CaseReference = t.Column<string>(maxLength: 50, nullable: false),
            ReviewDescription = t.Column<string>(maxLength: 200, nullable: false),
            OverallGrade = t.Column<int>(nullable: false),
            Strengths = t.Column<string>(nullable: false),
            AreasForDevelopment = t.Column<string>(nullable: false),
            IroReflection = t.Column<string>(nullable: false),
            Status = t.Column<int>(nullable: false),
            ObserverId = t.Column<Guid>(nullable: false),
            ObserverName = t.Column<string>(maxLength: 256, nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            AcknowledgedUtc = t.Column<DateTime>(nullable: true),
            SignedOffUtc = t.Column<DateTime>(nullable: true),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Observations", x => x.Id));
        m.CreateIndex("IX_" + P + "Observations_IroId_ObservedOn", P + "Observations", ["IroId", "ObservedOn"]);

        m.CreateTable(P + "ObservationGrades", t => new
        {
            ObservationId = t.Column<Guid>(nullable: false),
            Standard = t.Column<int>(nullable: false),
            Grade = t.Column<int>(nullable: false),
            Evidence = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + P + "ObservationGrades", x => new { x.ObservationId, x.Standard });
            t.ForeignKey("FK_" + P + "ObservationGrades_" + P + "Observations_ObservationId", x => x.ObservationId, P + "Observations", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable(P + "AuditQuestionSets", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Number = t.Column<int>(nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "AuditQuestionSets", x => x.Id));
        m.CreateIndex("IX_" + P + "AuditQuestionSets_Number", P + "AuditQuestionSets", "Number", unique: true);

        m.CreateTable(P + "AuditQuestions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            QuestionSetId = t.Column<Guid>(nullable: false),
            Position = t.Column<int>(nullable: false),
            Text = t.Column<string>(maxLength: 500, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + P + "AuditQuestions", x => x.Id);
            t.ForeignKey("FK_" + P + "AuditQuestions_" + P + "AuditQuestionSets_QuestionSetId", x => x.QuestionSetId, P + "AuditQuestionSets", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_" + P + "AuditQuestions_QuestionSetId", P + "AuditQuestions", "QuestionSetId");

        m.CreateTable(P + "Audits", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            IroId = t.Column<Guid>(nullable: false),
            AuditedOn = t.Column<DateOnly>(nullable: false),
            CaseReference = t.Column<string>(maxLength: 50, nullable: false),
            QuestionSetId = t.Column<Guid>(nullable: false),
            OverallGrade = t.Column<int>(nullable: false),
            Summary = t.Column<string>(nullable: false),
            AuditorId = t.Column<Guid>(nullable: false),
            AuditorName = t.Column<string>(maxLength: 256, nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + P + "Audits", x => x.Id);
            t.ForeignKey("FK_" + P + "Audits_" + P + "AuditQuestionSets_QuestionSetId", x => x.QuestionSetId, P + "AuditQuestionSets", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_" + P + "Audits_IroId_AuditedOn", P + "Audits", ["IroId", "AuditedOn"]);
        m.CreateIndex("IX_" + P + "Audits_QuestionSetId", P + "Audits", "QuestionSetId");

        m.CreateTable(P + "AuditAnswers", t => new
        {
            AuditId = t.Column<Guid>(nullable: false),
            QuestionId = t.Column<Guid>(nullable: false),
            Answer = t.Column<int>(nullable: false),
            Comment = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + P + "AuditAnswers", x => new { x.AuditId, x.QuestionId });
            t.ForeignKey("FK_" + P + "AuditAnswers_" + P + "Audits_AuditId", x => x.AuditId, P + "Audits", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_" + P + "AuditAnswers_" + P + "AuditQuestions_QuestionId", x => x.QuestionId, P + "AuditQuestions", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_" + P + "AuditAnswers_QuestionId", P + "AuditAnswers", "QuestionId");

        m.CreateTable(P + "Actions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            IroId = t.Column<Guid>(nullable: false),
            Source = t.Column<int>(nullable: false),
            SourceId = t.Column<Guid>(nullable: false),
            Description = t.Column<string>(maxLength: 1000, nullable: false),
            DueOn = t.Column<DateOnly>(nullable: false),
            CompletedOn = t.Column<DateOnly>(nullable: true),
            CompletionNote = t.Column<string>(maxLength: 1000, nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Actions", x => x.Id));
        m.CreateIndex("IX_" + P + "Actions_IroId_DueOn", P + "Actions", ["IroId", "DueOn"]);
        m.CreateIndex("IX_" + P + "Actions_SourceId", P + "Actions", "SourceId");

        m.CreateTable(P + "FeedbackRequests", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TokenHash = t.Column<string>(maxLength: 64, nullable: false),
            RespondentType = t.Column<int>(nullable: false),
            IroId = t.Column<Guid>(nullable: false),
            ReviewDate = t.Column<DateOnly>(nullable: true),
            RespondentEmail = t.Column<string>(maxLength: 256, nullable: true),
            RequestedById = t.Column<Guid>(nullable: false),
            RequestedByName = t.Column<string>(maxLength: 256, nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            ExpiresUtc = t.Column<DateTime>(nullable: false),
            AnsweredUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + P + "FeedbackRequests", x => x.Id));
        m.CreateIndex("IX_" + P + "FeedbackRequests_TokenHash", P + "FeedbackRequests", "TokenHash", unique: true);
        m.CreateIndex("IX_" + P + "FeedbackRequests_IroId", P + "FeedbackRequests", "IroId");

        m.CreateTable(P + "FeedbackResponses", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RequestId = t.Column<Guid>(nullable: true),
            IroId = t.Column<Guid>(nullable: false),
            RespondentType = t.Column<int>(nullable: false),
            ReceivedOn = t.Column<DateOnly>(nullable: false),
            ReviewDate = t.Column<DateOnly>(nullable: true),
            Channel = t.Column<int>(nullable: false),
            EnteredByName = t.Column<string>(maxLength: 256, nullable: true),
            CreatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + P + "FeedbackResponses", x => x.Id);
            t.ForeignKey("FK_" + P + "FeedbackResponses_" + P + "FeedbackRequests_RequestId", x => x.RequestId, P + "FeedbackRequests", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_" + P + "FeedbackResponses_RequestId", P + "FeedbackResponses", "RequestId", unique: true);
        m.CreateIndex("IX_" + P + "FeedbackResponses_IroId_ReceivedOn", P + "FeedbackResponses", ["IroId", "ReceivedOn"]);

        m.CreateTable(P + "FeedbackAnswers", t => new
        {
            ResponseId = t.Column<Guid>(nullable: false),
            QuestionKey = t.Column<string>(maxLength: 60, nullable: false),
            Rating = t.Column<int>(nullable: true),
            Text = t.Column<string>(maxLength: 4000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + P + "FeedbackAnswers", x => new { x.ResponseId, x.QuestionKey });
            t.ForeignKey("FK_" + P + "FeedbackAnswers_" + P + "FeedbackResponses_ResponseId", x => x.ResponseId, P + "FeedbackResponses", "Id", onDelete: ReferentialAction.Cascade);
        });
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "FeedbackAnswers", "FeedbackResponses", "FeedbackRequests", "Actions", "AuditAnswers", "Audits", "AuditQuestions", "AuditQuestionSets", "ObservationGrades", "Observations", "Standards" })
            m.DropTable(P + table);
    }
}
