using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Scheduling;

namespace IroPortal.Notifications.ViewModels;

public sealed record RuleRow(IReminderRule Rule, ReminderSettings Settings, string Schedule);
