using IroPortal.QualityAssurance.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IroPortal.QualityAssurance.Data;

internal sealed class QaConfigurations :
    IEntityTypeConfiguration<QaStandard>, IEntityTypeConfiguration<Observation>, IEntityTypeConfiguration<ObservationGrade>,
    IEntityTypeConfiguration<AuditQuestionSet>, IEntityTypeConfiguration<AuditQuestion>, IEntityTypeConfiguration<CaseFileAudit>,
    IEntityTypeConfiguration<AuditAnswer>, IEntityTypeConfiguration<QaAction>, IEntityTypeConfiguration<FeedbackRequest>,
    IEntityTypeConfiguration<FeedbackResponse>, IEntityTypeConfiguration<FeedbackAnswer>,
    IEntityTypeConfiguration<UrgentConcern>, IEntityTypeConfiguration<SafeguardingSettings>,
    IEntityTypeConfiguration<ChildLanguage>, IEntityTypeConfiguration<ChildTranslation>
{
    private const string Prefix = "QualityAssurance_";

    public void Configure(EntityTypeBuilder<QaStandard> e)
    {
        e.ToTable(Prefix + "Standards");
        e.HasIndex(s => new { s.Activity, s.EffectiveFrom }).IsUnique();
        e.Property(s => s.SetBy).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<Observation> e)
    {
        e.ToTable(Prefix + "Observations");
        e.HasIndex(o => new { o.IroId, o.ObservedOn });
        e.Property(o => o.CaseReference).HasMaxLength(50);
        e.Property(o => o.ReviewDescription).HasMaxLength(200);
        e.Property(o => o.ObserverName).HasMaxLength(256);
        e.Property(o => o.Version).IsConcurrencyToken();
        e.HasMany(o => o.Grades).WithOne().HasForeignKey(g => g.ObservationId);
    }

    public void Configure(EntityTypeBuilder<ObservationGrade> e)
    {
        e.ToTable(Prefix + "ObservationGrades");
        e.HasKey(g => new { g.ObservationId, g.Standard });
    }

    public void Configure(EntityTypeBuilder<AuditQuestionSet> e)
    {
        e.ToTable(Prefix + "AuditQuestionSets");
        e.HasIndex(s => s.Number).IsUnique();
        e.Property(s => s.CreatedBy).HasMaxLength(256);
        e.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.QuestionSetId);
    }

    public void Configure(EntityTypeBuilder<AuditQuestion> e)
    {
        e.ToTable(Prefix + "AuditQuestions");
        e.Property(q => q.Text).HasMaxLength(500);
    }

    public void Configure(EntityTypeBuilder<CaseFileAudit> e)
    {
        e.ToTable(Prefix + "Audits");
        e.HasIndex(a => new { a.IroId, a.AuditedOn });
        e.Property(a => a.CaseReference).HasMaxLength(50);
        e.Property(a => a.AuditorName).HasMaxLength(256);
        e.HasOne<AuditQuestionSet>().WithMany().HasForeignKey(a => a.QuestionSetId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.AuditId);
    }

    public void Configure(EntityTypeBuilder<AuditAnswer> e)
    {
        e.ToTable(Prefix + "AuditAnswers");
        e.HasKey(a => new { a.AuditId, a.QuestionId });
        e.HasOne<AuditQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<QaAction> e)
    {
        e.ToTable(Prefix + "Actions");
        e.HasIndex(a => new { a.IroId, a.DueOn });
        e.HasIndex(a => a.SourceId);
        e.Property(a => a.Description).HasMaxLength(1000);
        e.Property(a => a.CompletionNote).HasMaxLength(1000);
        e.Property(a => a.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<FeedbackRequest> e)
    {
        e.ToTable(Prefix + "FeedbackRequests");
        e.HasIndex(r => r.TokenHash).IsUnique();
        e.HasIndex(r => r.IroId);
        e.Property(r => r.TokenHash).HasMaxLength(64);
        e.Property(r => r.RespondentEmail).HasMaxLength(256);
        e.Property(r => r.ProtectedToken).HasMaxLength(500);
        e.Property(r => r.RequestedByName).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<FeedbackResponse> e)
    {
        e.ToTable(Prefix + "FeedbackResponses");
        e.HasIndex(r => r.RequestId).IsUnique();
        e.HasIndex(r => new { r.IroId, r.ReceivedOn });
        e.Property(r => r.EnteredByName).HasMaxLength(256);
        e.Property(r => r.Language).HasMaxLength(20);
        e.Property(r => r.ContactDetails).HasMaxLength(500);
        e.HasOne<FeedbackRequest>().WithOne().HasForeignKey<FeedbackResponse>(r => r.RequestId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId);
    }

    public void Configure(EntityTypeBuilder<FeedbackAnswer> e)
    {
        e.ToTable(Prefix + "FeedbackAnswers");
        e.HasKey(a => new { a.ResponseId, a.QuestionKey });
        e.Property(a => a.QuestionKey).HasMaxLength(60);
        e.Property(a => a.Text).HasMaxLength(4000);
    }

    public void Configure(EntityTypeBuilder<UrgentConcern> e)
    {
        e.ToTable(Prefix + "UrgentConcerns");
        e.HasIndex(c => c.ResponseId).IsUnique();
        e.HasIndex(c => c.ActionRecordedUtc);
        e.Property(c => c.Reasons).HasMaxLength(2000);
        e.Property(c => c.AcknowledgedByName).HasMaxLength(256);
        e.Property(c => c.ActionTaken).HasMaxLength(4000);
        e.Property(c => c.ActionRecordedByName).HasMaxLength(256);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.HasOne<FeedbackResponse>().WithOne().HasForeignKey<UrgentConcern>(c => c.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SafeguardingSettings> e)
    {
        e.ToTable(Prefix + "SafeguardingSettings");
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.DutyManagerIds).HasMaxLength(2000);
        e.Property(s => s.EscalationIds).HasMaxLength(2000);
        e.Property(s => s.ExtraWords).HasMaxLength(8000);
        e.Property(s => s.UpdatedByName).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<ChildLanguage> e)
    {
        e.ToTable(Prefix + "ChildLanguages");
        e.HasKey(l => l.Code);
        e.Property(l => l.Code).HasMaxLength(20);
        e.Property(l => l.Name).HasMaxLength(100);
        e.Property(l => l.EnglishName).HasMaxLength(100);
        e.Property(l => l.UpdatedByName).HasMaxLength(256);
        e.HasMany(l => l.Translations).WithOne().HasForeignKey(t => t.LanguageCode).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ChildTranslation> e)
    {
        e.ToTable(Prefix + "ChildTranslations");
        e.HasKey(t => new { t.LanguageCode, t.Key });
        e.Property(t => t.LanguageCode).HasMaxLength(20);
        e.Property(t => t.Key).HasMaxLength(100);
        e.Property(t => t.Text).HasMaxLength(2000);
    }
}
