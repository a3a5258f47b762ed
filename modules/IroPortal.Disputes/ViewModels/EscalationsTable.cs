using IroPortal.Disputes.Models;
using IroPortal.Modularity.Forms;

namespace IroPortal.Disputes.ViewModels;

public sealed record EscalationsTable(IReadOnlyList<Escalation> Escalations, DateOnly Today, string Caption, bool ShowIro);
