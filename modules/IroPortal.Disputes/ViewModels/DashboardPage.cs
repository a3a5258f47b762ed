using IroPortal.Disputes.Models;
using IroPortal.Disputes.Services;
using IroPortal.Modularity.Forms;

namespace IroPortal.Disputes.ViewModels;

public sealed record DashboardPage(int Year, int CurrentYear, IReadOnlyList<Escalation> Escalations, DisputeStatistics Statistics, DateOnly Today);
