using IroPortal.Performance.Models;
using IroPortal.Performance.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IroPortal.Performance.Data;

internal sealed class PerformanceConfigurations :
    IEntityTypeConfiguration<CareChild>, IEntityTypeConfiguration<CareEpisode>, IEntityTypeConfiguration<CareReview>,
    IEntityTypeConfiguration<IroAllocation>, IEntityTypeConfiguration<StagedUpload>, IEntityTypeConfiguration<StagedFile>,
    IEntityTypeConfiguration<ReturnImport>, IEntityTypeConfiguration<ReturnPush>, IEntityTypeConfiguration<IroWorkingTime>
{
    public const string Prefix = "Performance_";

    public void Configure(EntityTypeBuilder<CareChild> e)
    {
        e.ToTable(Prefix + "Children");
        e.HasKey(c => new { c.YearStart, c.ChildKey });
        e.Property(c => c.ChildKey).HasMaxLength(ChildKeys.Length);
        e.Property(c => c.Sex).HasMaxLength(1);
        e.Property(c => c.EthnicGroup).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<CareEpisode> e)
    {
        e.ToTable(Prefix + "Episodes");
        e.HasKey(x => new { x.YearStart, x.ChildKey, x.Start });
        e.Property(x => x.ChildKey).HasMaxLength(ChildKeys.Length);
        e.Property(x => x.ReasonNewEpisode).HasMaxLength(4);
        e.Property(x => x.LegalStatus).HasMaxLength(4);
        e.Property(x => x.Placement).HasMaxLength(4);
        e.Property(x => x.ReasonEnded).HasMaxLength(4);
    }

    public void Configure(EntityTypeBuilder<CareReview> e)
    {
        e.ToTable(Prefix + "Reviews");
        e.HasKey(r => new { r.YearStart, r.ChildKey, r.ReviewDate });
        e.Property(r => r.ChildKey).HasMaxLength(ChildKeys.Length);
        e.Property(r => r.Code).HasMaxLength(3);
    }

    public void Configure(EntityTypeBuilder<IroAllocation> e)
    {
        e.ToTable(Prefix + "Allocations");
        e.HasKey(a => new { a.YearStart, a.ChildKey, a.From });
        e.Property(a => a.ChildKey).HasMaxLength(ChildKeys.Length);
        e.Property(a => a.IroName).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<StagedUpload> e)
    {
        e.ToTable(Prefix + "StagedUploads");
        e.Property(u => u.CreatedBy).HasMaxLength(256);
        e.HasMany(u => u.Files).WithOne().HasForeignKey(f => f.UploadId);
    }

    public void Configure(EntityTypeBuilder<StagedFile> e)
    {
        e.ToTable(Prefix + "StagedFiles");
        e.Property(f => f.FileName).HasMaxLength(260);
        e.Property(f => f.Sha256).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<ReturnImport> e)
    {
        e.ToTable(Prefix + "Imports");
        e.HasIndex(i => new { i.YearStart, i.StartedUtc });
        e.Property(i => i.ImportedBy).HasMaxLength(256);
        e.Property(i => i.Failure).HasMaxLength(2000);
    }

    public void Configure(EntityTypeBuilder<ReturnPush> e)
    {
        e.ToTable(Prefix + "ReturnPushes");
        e.HasKey(p => p.Id);
        e.Property(p => p.ClientId).HasMaxLength(100);
        e.Property(p => p.IdempotencyKey).HasMaxLength(100);
        e.Property(p => p.RequestSha256).HasMaxLength(64);
        e.HasIndex(p => new { p.ClientId, p.IdempotencyKey }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<IroWorkingTime> e)
    {
        e.ToTable(Prefix + "IroWorkingTimes");
        e.HasIndex(w => new { w.IroName, w.From }).IsUnique();
        e.Property(w => w.IroName).HasMaxLength(200);
        e.Property(w => w.OtherDuties).HasMaxLength(500);
        e.Property(w => w.RecordedByName).HasMaxLength(256);
        e.Ignore(w => w.IroFte);
    }
}
