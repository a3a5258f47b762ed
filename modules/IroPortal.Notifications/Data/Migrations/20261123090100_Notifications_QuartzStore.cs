using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Notifications.Data.Migrations;

/// <summary>
/// Quartz 4.2's job store on PostgreSQL (removed again by <see cref="NotificationsHangfire"/> when the scheduler moved to Hangfire), where several nodes share one schedule. Quartz reads and writes
/// these tables itself (they are not in the EF model); we create them so a new database is complete after
/// our migrations alone, and Quartz validates them when it starts. SQLite runs the scheduler in memory on
/// its single node, so it has none of them.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261123090100_Notifications_QuartzStore")]
public sealed class NotificationsQuartzStore : Migration
{
    public const string TablePrefix = "notifications_qrtz_";
    private const string T = TablePrefix;
    private const string Trigger = "sched_name text not null, trigger_name text not null, trigger_group text not null";
    private const string TriggerKey = "primary key (sched_name, trigger_name, trigger_group)";
    private const string OfTrigger = $"foreign key (sched_name, trigger_name, trigger_group) references {T}triggers (sched_name, trigger_name, trigger_group) on delete cascade";

    internal static readonly string[] Statements =
    [
        $"""
        create table {T}job_details (sched_name text not null, job_name text not null, job_group text not null, description text null,
          job_class_name text not null, is_durable bool not null, is_nonconcurrent bool not null, is_update_data bool not null,
          requests_recovery bool not null, job_data bytea null, primary key (sched_name, job_name, job_group))
        """,
        $"""
        create table {T}triggers ({Trigger}, job_name text not null, job_group text not null, description text null,
          next_fire_time bigint null, prev_fire_time bigint null, priority integer null, trigger_state text not null,
          trigger_type text not null, start_time bigint not null, end_time bigint null, calendar_name text null,
          misfire_instr smallint null, misfire_orig_fire_time bigint null, execution_group varchar(200) null,
          preferred_node varchar(200) null, preferred_node_auto bool not null default false, retry_policy varchar(250) null,
          retry_attempt integer null, continues_trigger_name text null, continues_trigger_group text null,
          continuation_condition integer null, job_data bytea null, {TriggerKey},
          foreign key (sched_name, job_name, job_group) references {T}job_details (sched_name, job_name, job_group))
        """,
        $"create table {T}simple_triggers ({Trigger}, repeat_count bigint not null, repeat_interval bigint not null, times_triggered bigint not null, {TriggerKey}, {OfTrigger})",
        $"create table {T}cron_triggers ({Trigger}, cron_expression text not null, time_zone_id text, {TriggerKey}, {OfTrigger})",
        $"""
        create table {T}simprop_triggers ({Trigger}, str_prop_1 text null, str_prop_2 text null, str_prop_3 text null,
          int_prop_1 integer null, int_prop_2 integer null, long_prop_1 bigint null, long_prop_2 bigint null,
          dec_prop_1 numeric null, dec_prop_2 numeric null, bool_prop_1 bool null, bool_prop_2 bool null, time_zone_id text null,
          {TriggerKey}, {OfTrigger})
        """,
        $"create table {T}blob_triggers ({Trigger}, blob_data bytea null, {TriggerKey}, {OfTrigger})",
        $"create table {T}calendars (sched_name text not null, calendar_name text not null, calendar bytea not null, primary key (sched_name, calendar_name))",
        $"create table {T}paused_trigger_grps (sched_name text not null, trigger_group text not null, primary key (sched_name, trigger_group))",
        $"create table {T}paused_job_grps (sched_name text not null, job_group text not null, primary key (sched_name, job_group))",
        $"""
        create table {T}fired_triggers (sched_name text not null, entry_id text not null, trigger_name text not null,
          trigger_group text not null, instance_name text not null, fired_time bigint not null, sched_time bigint not null,
          priority integer not null, state text not null, job_name text null, job_group text null, is_nonconcurrent bool not null,
          requests_recovery bool null, execution_group varchar(200) null, primary key (sched_name, entry_id))
        """,
        $"create table {T}scheduler_state (sched_name text not null, instance_name text not null, last_checkin_time bigint not null, checkin_interval bigint not null, primary key (sched_name, instance_name))",
        $"create table {T}locks (sched_name text not null, lock_name text not null, primary key (sched_name, lock_name))",
        $"""
        create table {T}execution_history (sched_name text not null, entry_id text not null, instance_name text not null,
          job_name text not null, job_group text not null, trigger_name text not null, trigger_group text not null,
          fired_time bigint not null, run_time bigint not null, succeeded bool not null, error_message text null,
          retry_attempt integer not null default 0, retry_scheduled bool not null default false, primary key (sched_name, entry_id))
        """,
        $"""
        create table {T}misfire_history (sched_name text not null, entry_id text not null, instance_name text not null,
          trigger_name text not null, trigger_group text not null, job_name text null, job_group text null,
          misfire_time bigint not null, sched_time bigint null, primary key (sched_name, entry_id))
        """,
        $"create index idx_{T}j_g_n on {T}job_details (sched_name, job_group, job_name)",
        $"create index idx_{T}t_j on {T}triggers (sched_name, job_name, job_group)",
        $"create index idx_{T}t_g_n on {T}triggers (sched_name, trigger_group, trigger_name)",
        $"create index idx_{T}t_c on {T}triggers (sched_name, calendar_name)",
        $"create index idx_{T}t_nft_st on {T}triggers (sched_name, trigger_state, next_fire_time asc, priority desc, misfire_instr)",
        $"create index idx_{T}ft_inst_job_req_rcvry on {T}fired_triggers (sched_name, instance_name, requests_recovery)",
        $"create index idx_{T}ft_j_g on {T}fired_triggers (sched_name, job_name, job_group)",
        $"create index idx_{T}ft_t_g on {T}fired_triggers (sched_name, trigger_name, trigger_group)",
        $"create index idx_{T}eh_fired_time on {T}execution_history (sched_name, fired_time)",
        $"create index idx_{T}eh_inst on {T}execution_history (sched_name, instance_name)",
        $"create index idx_{T}mh_misfire_time on {T}misfire_history (sched_name, misfire_time)",
        $"create index idx_{T}mh_inst on {T}misfire_history (sched_name, instance_name)",
    ];

    /// <summary>Its tables, those that refer to others first.</summary>
    internal static readonly string[] TablesInDropOrder =
    [
        "misfire_history", "execution_history", "locks", "scheduler_state", "fired_triggers", "paused_job_grps", "paused_trigger_grps",
        "calendars", "blob_triggers", "simprop_triggers", "cron_triggers", "simple_triggers", "triggers", "job_details",
    ];

    public static bool IsPostgres(MigrationBuilder m) => m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Up(MigrationBuilder m)
    {
        if (!IsPostgres(m)) return;
        foreach (var statement in Statements) m.Sql(statement);
    }

    protected override void Down(MigrationBuilder m)
    {
        if (!IsPostgres(m)) return;
        foreach (var table in TablesInDropOrder)
            m.Sql($"drop table {T}{table}");
    }
}
