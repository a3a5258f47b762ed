using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Notifications.Data.Migrations;

/// <summary>
/// The scheduler moved from Quartz to Hangfire. Quartz's job store goes (its rows were only the schedule, which
/// the portal puts back from the modules' jobs at every start); every other table keeps its data. Hangfire's own
/// tables live in their own schema, installed and upgraded by Hangfire's scripts under a lock at start-up
/// (<see cref="Services.HangfireSchema"/>). Runs remember Hangfire's id for their firing, and paused jobs are the
/// portal's own record, because Hangfire has no pause.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261203090000_Notifications_Hangfire")]
public sealed class NotificationsHangfire : Migration
{
    private const string P = NotificationConfigurations.Prefix;

    protected override void Up(MigrationBuilder m)
    {
        if (NotificationsQuartzStore.IsPostgres(m))
            foreach (var table in NotificationsQuartzStore.TablesInDropOrder)
                m.Sql($"drop table if exists {NotificationsQuartzStore.TablePrefix}{table}");

        m.AddColumn<string>("JobId", P + "JobRuns", maxLength: 100, nullable: true);
        m.CreateIndex("IX_" + P + "JobRuns_JobId", P + "JobRuns", "JobId");
        m.CreateTable(P + "PausedJobs", t => new
        {
            JobKey = t.Column<string>(maxLength: 200, nullable: false),
            PausedBy = t.Column<string>(maxLength: 256, nullable: false),
            PausedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + P + "PausedJobs", x => x.JobKey));
    }

    /// <summary>Back to the Quartz version's schema: its job store is created empty (Quartz fills it at start).</summary>
    protected override void Down(MigrationBuilder m)
    {
        m.DropTable(P + "PausedJobs");
        m.DropIndex("IX_" + P + "JobRuns_JobId", P + "JobRuns");
        m.DropColumn("JobId", P + "JobRuns");
        if (NotificationsQuartzStore.IsPostgres(m))
            foreach (var statement in NotificationsQuartzStore.Statements) m.Sql(statement);
    }
}
