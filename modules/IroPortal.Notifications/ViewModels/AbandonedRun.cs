using Hangfire;
using IroPortal.Modularity.Forms;
using IroPortal.Notifications.Models;

namespace IroPortal.Notifications.ViewModels;

/// <param name="TakenOverBy">The run that took the same firing over, if one has.</param>
public sealed record AbandonedRun(JobRun Run, JobRun? TakenOverBy);
