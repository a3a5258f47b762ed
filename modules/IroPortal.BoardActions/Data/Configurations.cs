using IroPortal.BoardActions.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IroPortal.BoardActions.Data;

internal sealed class ActionPlanConfigurations : IEntityTypeConfiguration<BoardAction>, IEntityTypeConfiguration<ActionUpdate>, IEntityTypeConfiguration<ActionPlan>,
    IEntityTypeConfiguration<ChildrensTheme>, IEntityTypeConfiguration<ChildrensThemeAction>
{
    public const string Prefix = "BoardActions_";

    public void Configure(EntityTypeBuilder<BoardAction> e)
    {
        e.ToTable(Prefix + "Actions");
        e.HasIndex(a => a.YearStart);
        e.HasIndex(a => a.OwnerId);
        e.Property(a => a.What).HasMaxLength(1000);
        e.Property(a => a.OwnerName).HasMaxLength(256);
        e.Property(a => a.SectionAnchor).HasMaxLength(40);
        e.Property(a => a.SectionTitle).HasMaxLength(200);
        e.Property(a => a.CreatedByName).HasMaxLength(256);
        e.Property(a => a.Revision).IsConcurrencyToken();
        e.HasMany(a => a.Updates).WithOne().HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ActionUpdate> e)
    {
        e.ToTable(Prefix + "Updates");
        e.HasIndex(u => u.ActionId);
        e.Property(u => u.ByName).HasMaxLength(256);
        e.Property(u => u.Text).HasMaxLength(4000);
        e.Property(u => u.Change).HasMaxLength(500);
    }

    public void Configure(EntityTypeBuilder<ActionPlan> e)
    {
        e.ToTable(Prefix + "Plans");
        e.HasIndex(p => p.YearStart).IsUnique();
        e.Property(p => p.ChangedByName).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<ChildrensTheme> e)
    {
        e.ToTable(Prefix + "ChildrensThemes");
        e.HasIndex(t => t.YearStart);
        e.Property(t => t.Said).HasMaxLength(ChildrensTheme.MaxSaid);
        e.Property(t => t.ChangedByName).HasMaxLength(256);
        e.HasMany(t => t.Actions).WithOne().HasForeignKey(a => a.ThemeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ChildrensThemeAction> e)
    {
        e.ToTable(Prefix + "ChildrensThemeActions");
        e.HasKey(a => new { a.ThemeId, a.ActionId });
        e.HasIndex(a => a.ActionId);
        e.HasOne<BoardAction>().WithMany().HasForeignKey(a => a.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}
