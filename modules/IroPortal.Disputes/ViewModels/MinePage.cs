using IroPortal.Disputes.Models;
using IroPortal.Modularity.Forms;

namespace IroPortal.Disputes.ViewModels;

public sealed record MinePage(IReadOnlyList<Escalation> Escalations, DateOnly Today);
