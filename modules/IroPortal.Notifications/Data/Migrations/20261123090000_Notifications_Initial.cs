using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Notifications.Data.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261123090000_Notifications_Initial")]
public sealed class NotificationsInitial : Migration
{
    private const string P = NotificationConfigurations.Prefix;
    private const int Key = NotificationConfigurations.KeyLength;

    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(P + "Notifications", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            IdempotencyKey = t.Column<string>(maxLength: Key, nullable: false),
            RuleKey = t.Column<string>(maxLength: 100, nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            Title = t.Column<string>(maxLength: 300, nullable: false),
            Body = t.Column<string>(nullable: false),
            Link = t.Column<string>(maxLength: 1000, nullable: true),
            Urgent = t.Column<bool>(nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            ReadUtc = t.Column<DateTime>(nullable: true),
            AwaitingDigest = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Notifications", x => x.Id));
        m.CreateIndex("IX_" + P + "Notifications_IdempotencyKey", P + "Notifications", "IdempotencyKey", unique: true);
        m.CreateIndex("IX_" + P + "Notifications_UserId_ReadUtc", P + "Notifications", ["UserId", "ReadUtc"]);

        m.CreateTable(P + "Outbox", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            IdempotencyKey = t.Column<string>(maxLength: Key, nullable: false),
            ToAddress = t.Column<string>(maxLength: 320, nullable: false),
            ToName = t.Column<string>(maxLength: 256, nullable: false),
            Subject = t.Column<string>(maxLength: 300, nullable: false),
            TextBody = t.Column<string>(nullable: false),
            HtmlBody = t.Column<string>(nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            Status = t.Column<int>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            NextAttemptUtc = t.Column<DateTime>(nullable: false),
            LockedBy = t.Column<string>(maxLength: 200, nullable: true),
            LockedUntilUtc = t.Column<DateTime>(nullable: true),
            SentUtc = t.Column<DateTime>(nullable: true),
            LastError = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Outbox", x => x.Id));
        m.CreateIndex("IX_" + P + "Outbox_IdempotencyKey", P + "Outbox", "IdempotencyKey", unique: true);
        m.CreateIndex("IX_" + P + "Outbox_Status_NextAttemptUtc", P + "Outbox", ["Status", "NextAttemptUtc"]);

        m.CreateTable(P + "Preferences", t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            DailyDigest = t.Column<bool>(nullable: false),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Preferences", x => x.UserId));

        m.CreateTable(P + "RuleSettings", t => new
        {
            RuleKey = t.Column<string>(maxLength: 100, nullable: false),
            Enabled = t.Column<bool>(nullable: false),
            ValuesJson = t.Column<string>(maxLength: 2000, nullable: false),
            UpdatedBy = t.Column<string>(maxLength: 256, nullable: false),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "RuleSettings", x => x.RuleKey));

        m.CreateTable(P + "Milestones", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Roles = t.Column<string>(maxLength: 200, nullable: false),
            RemindDaysBefore = t.Column<int>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "Milestones", x => x.Id));
        m.CreateIndex("IX_" + P + "Milestones_Date", P + "Milestones", "Date");

        m.CreateTable(P + "JobRuns", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            JobKey = t.Column<string>(maxLength: 200, nullable: false),
            Node = t.Column<string>(maxLength: 200, nullable: false),
            StartedUtc = t.Column<DateTime>(nullable: false),
            FinishedUtc = t.Column<DateTime>(nullable: true),
            Succeeded = t.Column<bool>(nullable: false),
            Result = t.Column<string>(maxLength: 2000, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "JobRuns", x => x.Id));
        m.CreateIndex("IX_" + P + "JobRuns_JobKey_StartedUtc", P + "JobRuns", ["JobKey", "StartedUtc"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "JobRuns", "Milestones", "RuleSettings", "Preferences", "Outbox", "Notifications" })
            m.DropTable(P + table);
    }
}
