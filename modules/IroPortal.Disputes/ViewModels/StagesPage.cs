using IroPortal.Modularity.Forms;

namespace IroPortal.Disputes.ViewModels;

public sealed record StagesPage(IReadOnlyList<StageForm> Stages);
