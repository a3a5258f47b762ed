using IroPortal.Contributions.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IroPortal.Contributions.Data;

internal sealed class ContributionConfigurations : IEntityTypeConfiguration<ContributionRound>, IEntityTypeConfiguration<Contribution>
{
    private const string Prefix = "Contributions_";

    public void Configure(EntityTypeBuilder<ContributionRound> e)
    {
        e.ToTable(Prefix + "Rounds");
        e.HasIndex(r => r.YearStart);
        e.Property(r => r.Guidance).HasMaxLength(4000);
        e.Property(r => r.OpenedByName).HasMaxLength(256);
        e.HasMany(r => r.Contributions).WithOne().HasForeignKey(c => c.RoundId);
    }

    public void Configure(EntityTypeBuilder<Contribution> e)
    {
        e.ToTable(Prefix + "Contributions");
        e.HasIndex(c => new { c.RoundId, c.IroId }).IsUnique();
        e.HasIndex(c => c.IroId);
        e.Property(c => c.IroName).HasMaxLength(256);
        e.Property(c => c.FiguresChangeReason).HasMaxLength(1000);
        e.Property(c => c.ManagerComments).HasMaxLength(4000);
        e.Property(c => c.AcceptedByName).HasMaxLength(256);
        e.Property(c => c.Version).IsConcurrencyToken();
    }
}
