using Hangfire;
using IroPortal.Modularity.Forms;
using IroPortal.Notifications.Models;
using IroPortal.Notifications.Services;

namespace IroPortal.Notifications.ViewModels;

public sealed record JobDetailsPage(JobDefinition Job, IReadOnlyList<JobRun> Runs, IReadOnlyDictionary<Guid, AbandonedRun> Abandoned, RunOutcome? Started);
