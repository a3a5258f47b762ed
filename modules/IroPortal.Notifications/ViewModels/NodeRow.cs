using Hangfire;
using IroPortal.Modularity.Forms;

namespace IroPortal.Notifications.ViewModels;

public sealed record NodeRow(string Name, DateTime? LastHeartbeatUtc, int Workers, bool IsThisNode);
