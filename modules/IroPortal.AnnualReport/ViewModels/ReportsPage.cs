using IroPortal.AnnualReport.Models;
using IroPortal.Modularity.Forms;

namespace IroPortal.AnnualReport.ViewModels;

public sealed record ReportsPage(IReadOnlyList<Report> Reports, bool IsManager, IReadOnlyList<int> StartableYears);
