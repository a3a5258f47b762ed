using IroPortal.Disputes.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IroPortal.Disputes.Data;

internal sealed class DisputeConfigurations : IEntityTypeConfiguration<DisputeStage>, IEntityTypeConfiguration<Escalation>, IEntityTypeConfiguration<EscalationStep>
{
    public const string Prefix = "Disputes_";

    public void Configure(EntityTypeBuilder<DisputeStage> e)
    {
        e.ToTable(Prefix + "Stages");
        e.Property(s => s.Name).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<Escalation> e)
    {
        e.ToTable(Prefix + "Escalations");
        e.HasIndex(x => x.IroId);
        e.HasIndex(x => x.OpenedOn);
        e.Property(x => x.IroName).HasMaxLength(256);
        e.Property(x => x.CaseReference).HasMaxLength(30);
        e.Property(x => x.Category).HasMaxLength(40);
        e.Property(x => x.Summary).HasMaxLength(2000);
        e.Property(x => x.ClosedReason).HasMaxLength(1000);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.EscalationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<EscalationStep> e)
    {
        e.ToTable(Prefix + "Steps");
        e.HasIndex(s => new { s.EscalationId, s.Number }).IsUnique();
        e.Property(s => s.StageName).HasMaxLength(100);
        e.Property(s => s.RaisedWith).HasMaxLength(200);
        e.Property(s => s.Note).HasMaxLength(2000);
    }
}
