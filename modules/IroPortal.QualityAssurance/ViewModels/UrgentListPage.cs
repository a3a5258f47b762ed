using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;

namespace IroPortal.QualityAssurance.ViewModels;

/// <param name="CanChangeSettings">The IRO manager's: others who read urgent messages do not see the settings link.</param>
public sealed record UrgentListPage(IReadOnlyList<UrgentRow> Rows, IReadOnlyDictionary<Guid, string> Names, SafeguardingSettings Settings, bool CanChangeSettings);
