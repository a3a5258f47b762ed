using IroPortal.Notifications.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IroPortal.Notifications.Data;

internal sealed class NotificationConfigurations :
    IEntityTypeConfiguration<Notification>, IEntityTypeConfiguration<OutboxMessage>, IEntityTypeConfiguration<NotificationPreference>,
    IEntityTypeConfiguration<ReminderRuleSetting>, IEntityTypeConfiguration<Milestone>, IEntityTypeConfiguration<JobRun>,
    IEntityTypeConfiguration<PausedJob>
{
    public const string Prefix = "Notifications_";
    public const int KeyLength = 400;

    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.ToTable(Prefix + "Notifications");
        e.Property(n => n.IdempotencyKey).HasMaxLength(KeyLength);
        e.HasIndex(n => n.IdempotencyKey).IsUnique();
        e.HasIndex(n => new { n.UserId, n.ReadUtc });
        e.Property(n => n.RuleKey).HasMaxLength(100);
        e.Property(n => n.Title).HasMaxLength(300);
        e.Property(n => n.Link).HasMaxLength(1000);
    }

    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable(Prefix + "Outbox");
        e.Property(m => m.IdempotencyKey).HasMaxLength(KeyLength);
        e.HasIndex(m => m.IdempotencyKey).IsUnique();
        e.HasIndex(m => new { m.Status, m.NextAttemptUtc });
        e.Property(m => m.ToAddress).HasMaxLength(320);
        e.Property(m => m.ToName).HasMaxLength(256);
        e.Property(m => m.Subject).HasMaxLength(300);
        e.Property(m => m.LockedBy).HasMaxLength(200);
        e.Property(m => m.LastError).HasMaxLength(2000);
    }

    public void Configure(EntityTypeBuilder<NotificationPreference> e)
    {
        e.ToTable(Prefix + "Preferences");
        e.HasKey(p => p.UserId);
    }

    public void Configure(EntityTypeBuilder<ReminderRuleSetting> e)
    {
        e.ToTable(Prefix + "RuleSettings");
        e.HasKey(s => s.RuleKey);
        e.Property(s => s.RuleKey).HasMaxLength(100);
        e.Property(s => s.ValuesJson).HasMaxLength(2000);
        e.Property(s => s.UpdatedBy).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<Milestone> e)
    {
        e.ToTable(Prefix + "Milestones");
        e.Property(m => m.Title).HasMaxLength(200);
        e.Property(m => m.Roles).HasMaxLength(200);
        e.Property(m => m.CreatedBy).HasMaxLength(256);
        e.HasIndex(m => m.Date);
        e.Ignore(m => m.RoleList);
    }

    public void Configure(EntityTypeBuilder<JobRun> e)
    {
        e.ToTable(Prefix + "JobRuns");
        e.Property(r => r.JobKey).HasMaxLength(200);
        e.Property(r => r.JobId).HasMaxLength(100);
        e.HasIndex(r => r.JobId);
        e.Property(r => r.Node).HasMaxLength(200);
        e.Property(r => r.Result).HasMaxLength(2000);
        e.HasIndex(r => new { r.JobKey, r.StartedUtc });
    }

    public void Configure(EntityTypeBuilder<PausedJob> e)
    {
        e.ToTable(Prefix + "PausedJobs");
        e.HasKey(p => p.JobKey);
        e.Property(p => p.JobKey).HasMaxLength(200);
        e.Property(p => p.PausedBy).HasMaxLength(256);
    }
}
