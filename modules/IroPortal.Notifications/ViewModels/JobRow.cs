using Hangfire;
using IroPortal.Modularity.Forms;
using IroPortal.Notifications.Models;
using IroPortal.Notifications.Services;

namespace IroPortal.Notifications.ViewModels;

public sealed record JobRow(JobDefinition Job, bool Paused, DateTime? NextUtc, JobRun? LastRun, int FailuresThisWeek, string? ScheduleError);
