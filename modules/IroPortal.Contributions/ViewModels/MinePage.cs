using IroPortal.Modularity.Forms;

namespace IroPortal.Contributions.ViewModels;

public sealed record MinePage(IReadOnlyList<MineRow> Rows, DateOnly Today);
