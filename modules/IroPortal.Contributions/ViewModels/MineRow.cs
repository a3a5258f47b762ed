using IroPortal.Contributions.Models;
using IroPortal.Modularity.Forms;

namespace IroPortal.Contributions.ViewModels;

public sealed record MineRow(Contribution Contribution, ContributionRound Round);
