using Hangfire;
using IroPortal.Modularity.Forms;
using IroPortal.Notifications.Models;

namespace IroPortal.Notifications.ViewModels;

public sealed record JobsPage(IReadOnlyList<JobRow> Jobs, bool Shared, IReadOnlyList<NodeRow> Nodes, string ThisNode, int TakeOverAfterSeconds,
    IReadOnlyList<AbandonedRun> Abandoned, IReadOnlyList<OutboxMessage> Problems, IReadOnlyDictionary<OutboxStatus, int> OutboxCounts);
