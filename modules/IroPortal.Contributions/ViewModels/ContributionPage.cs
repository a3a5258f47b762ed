using IroPortal.Contributions.Models;
using IroPortal.Modularity.Forms;

namespace IroPortal.Contributions.ViewModels;

public sealed record ContributionPage(Contribution Contribution, ContributionRound Round, bool IsManager, bool IsOwner, string? Comments);
