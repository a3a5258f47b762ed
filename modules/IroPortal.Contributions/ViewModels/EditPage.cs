using IroPortal.Contributions.Models;
using IroPortal.Contributions.Services;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity;

namespace IroPortal.Contributions.ViewModels;

public sealed record EditPage(Contribution Contribution, ContributionRound Round, ContributionForm Form, IReadOnlyList<IdentifyingFinding> PossibleNames);
