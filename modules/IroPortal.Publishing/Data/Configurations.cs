using IroPortal.Publishing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IroPortal.Publishing.Data;

internal sealed class PublishingConfigurations : IEntityTypeConfiguration<Release>, IEntityTypeConfiguration<BoardOnlySection>,
    IEntityTypeConfiguration<ApprovedName>, IEntityTypeConfiguration<GuardOverride>, IEntityTypeConfiguration<BoardQuestion>,
    IEntityTypeConfiguration<BoardResolution>, IEntityTypeConfiguration<ChildrenSummary>, IEntityTypeConfiguration<GuardSettings>,
    IEntityTypeConfiguration<ChildrenSummaryTranslation>
{
    public const string Prefix = "Publishing_";

    public void Configure(EntityTypeBuilder<Release> e)
    {
        e.ToTable(Prefix + "Releases");
        // Two managers publishing at once cannot both make release n: one of them is refused.
        e.HasIndex(r => new { r.YearStart, r.Audience, r.Number }).IsUnique();
        e.Property(r => r.PublishedByName).HasMaxLength(256);
        e.Property(r => r.ChangeNote).HasMaxLength(2000);
        e.Property(r => r.PdfProblem).HasMaxLength(500);
        e.Property(r => r.ReadabilityReason).HasMaxLength(2000);
    }

    public void Configure(EntityTypeBuilder<BoardOnlySection> e)
    {
        e.ToTable(Prefix + "BoardOnlySections");
        e.HasIndex(b => new { b.YearStart, b.SectionId }).IsUnique();
        e.Property(b => b.MarkedByName).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<ApprovedName> e)
    {
        e.ToTable(Prefix + "ApprovedNames");
        e.HasIndex(n => n.Name).IsUnique();
        e.Property(n => n.Name).HasMaxLength(100);
        e.Property(n => n.AddedByName).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<GuardSettings> e)
    {
        e.ToTable(Prefix + "GuardSettings");
        e.Property(g => g.Id).ValueGeneratedNever();
        e.Property(g => g.CaseReferenceShapes).HasMaxLength(1000);
        e.Property(g => g.ChangedByName).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<GuardOverride> e)
    {
        e.ToTable(Prefix + "GuardOverrides");
        e.HasIndex(o => new { o.YearStart, o.Audience, o.FindingKey }).IsUnique();
        e.Property(o => o.FindingKey).HasMaxLength(64);
        e.Property(o => o.Kind).HasMaxLength(100);
        e.Property(o => o.Text).HasMaxLength(500);
        e.Property(o => o.Reason).HasMaxLength(1000);
        e.Property(o => o.ByName).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<BoardQuestion> e)
    {
        e.ToTable(Prefix + "BoardQuestions");
        e.HasIndex(q => q.YearStart);
        e.Property(q => q.SectionAnchor).HasMaxLength(40);
        e.Property(q => q.SectionTitle).HasMaxLength(200);
        e.Property(q => q.AskedByName).HasMaxLength(256);
        e.Property(q => q.Text).HasMaxLength(4000);
        e.Property(q => q.Answer).HasMaxLength(4000);
        e.Property(q => q.AnsweredByName).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<BoardResolution> e)
    {
        e.ToTable(Prefix + "BoardResolutions");
        e.HasIndex(r => r.YearStart).IsUnique();
        e.Property(r => r.Outcome).HasMaxLength(40);
        e.Property(r => r.Minute).HasMaxLength(4000);
        e.Property(r => r.RecordedByName).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<ChildrenSummary> e)
    {
        e.ToTable(Prefix + "ChildrenSummaries");
        e.HasIndex(c => c.YearStart).IsUnique();
        e.Property(c => c.FeedbackLink).HasMaxLength(500);
        e.Property(c => c.UpdatedByName).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<ChildrenSummaryTranslation> e)
    {
        e.ToTable(Prefix + "ChildrenSummaryTranslations");
        e.HasIndex(t => new { t.YearStart, t.Language }).IsUnique();
        e.Property(t => t.Language).HasMaxLength(20);
        e.Property(t => t.Name).HasMaxLength(100);
        e.Property(t => t.EnglishName).HasMaxLength(100);
        e.Property(t => t.UpdatedByName).HasMaxLength(256);
        e.Property(t => t.ReadBy).HasMaxLength(200);
        e.Property(t => t.CheckedByName).HasMaxLength(256);
        e.Property(t => t.PublishedByName).HasMaxLength(256);
        e.Property(t => t.Revision).IsConcurrencyToken();
    }
}
