using IroPortal.AnnualReport.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IroPortal.AnnualReport.Data;

internal sealed class ReportConfigurations : IEntityTypeConfiguration<Report>, IEntityTypeConfiguration<ReportSection>,
    IEntityTypeConfiguration<PriorityProgress>, IEntityTypeConfiguration<ReportVersion>, IEntityTypeConfiguration<SectionComment>
{
    private const string Prefix = "AnnualReport_";

    public void Configure(EntityTypeBuilder<Report> e)
    {
        e.ToTable(Prefix + "Reports");
        e.HasIndex(r => r.YearStart).IsUnique();
        e.Property(r => r.ApprovedByName).HasMaxLength(256);
        e.Property(r => r.CurrentVersion).IsConcurrencyToken();
        e.HasMany(r => r.Sections).WithOne().HasForeignKey(s => s.ReportId);
        e.HasMany(r => r.Progress).WithOne().HasForeignKey(p => p.ReportId);
    }

    public void Configure(EntityTypeBuilder<ReportSection> e)
    {
        e.ToTable(Prefix + "Sections");
        e.HasIndex(s => s.ReportId);
        e.Property(s => s.Key).HasMaxLength(40);
        e.Property(s => s.Title).HasMaxLength(200);
        e.Property(s => s.UpdatedByName).HasMaxLength(256);
        e.Property(s => s.Revision).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<PriorityProgress> e)
    {
        e.ToTable(Prefix + "PriorityProgress");
        e.HasIndex(p => p.ReportId);
        e.Property(p => p.Priority).HasMaxLength(2000);
        e.Property(p => p.UpdatedByName).HasMaxLength(256);
        e.HasIndex(p => new { p.ReportId, p.BoardActionId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ReportVersion> e)
    {
        e.ToTable(Prefix + "Versions");
        e.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
        e.Property(v => v.SavedByName).HasMaxLength(256);
        e.Property(v => v.Change).HasMaxLength(500);
        e.HasOne<Report>().WithMany().HasForeignKey(v => v.ReportId);
    }

    public void Configure(EntityTypeBuilder<SectionComment> e)
    {
        e.ToTable(Prefix + "Comments");
        e.HasIndex(c => c.SectionId);
        e.Property(c => c.AuthorName).HasMaxLength(256);
        e.Property(c => c.Text).HasMaxLength(4000);
        e.HasOne<ReportSection>().WithMany().HasForeignKey(c => c.SectionId);
    }
}
