using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Scheduling;

namespace IroPortal.Notifications.ViewModels;

public sealed record RuleForm(IReminderRule Rule, bool Enabled, IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Errors);
