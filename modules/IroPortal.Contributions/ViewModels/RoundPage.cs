using IroPortal.Contributions.Models;
using IroPortal.Modularity.Forms;

namespace IroPortal.Contributions.ViewModels;

public sealed record RoundPage(ContributionRound Round, DateOnly Today)
{
    /// <summary>Past the deadline and still with the IRO.</summary>
    public bool IsOverdue(Contribution c) => Today > Round.Deadline && c.IroCanEdit;
    public int Count(ContributionStatus status) => Round.Contributions.Count(c => c.Status == status);
}
