using Hangfire;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;

namespace IroPortal.Notifications.ViewModels;

/// <param name="Done">Nothing more will happen to it without someone acting.</param>
public sealed record RunOutcome(bool Done, string Status, string Detail);
