using IroPortal.DataProtection.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IroPortal.DataProtection.Data;

internal sealed class DataProtectionConfigurations :
    IEntityTypeConfiguration<RetentionPeriod>, IEntityTypeConfiguration<RetentionPolicy>, IEntityTypeConfiguration<DisposalRun>, IEntityTypeConfiguration<Statement>
{
    public const string Prefix = "DataProtection_";

    public void Configure(EntityTypeBuilder<RetentionPeriod> e)
    {
        e.ToTable(Prefix + "RetentionPeriods");
        e.HasKey(p => p.Kind);
        e.Property(p => p.Kind).HasMaxLength(100);
        e.Property(p => p.ChangedBy).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<RetentionPolicy> e)
    {
        e.ToTable(Prefix + "RetentionPolicy");
        e.Property(p => p.Id).ValueGeneratedNever();
        e.Property(p => p.ConfirmedBy).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<DisposalRun> e)
    {
        e.ToTable(Prefix + "DisposalRuns");
        e.Property(r => r.RunBy).HasMaxLength(256);
        e.Property(r => r.Counts).HasMaxLength(4000);
        e.Property(r => r.Failure).HasMaxLength(2000);
        e.HasIndex(r => r.StartedUtc);
    }

    public void Configure(EntityTypeBuilder<Statement> e)
    {
        e.ToTable(Prefix + "Statements");
        e.HasKey(s => s.Key);
        e.Property(s => s.Key).HasMaxLength(50);
        e.Property(s => s.Text).HasMaxLength(20000);
        e.Property(s => s.ChangedBy).HasMaxLength(256);
    }
}
