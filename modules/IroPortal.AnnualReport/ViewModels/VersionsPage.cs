using IroPortal.AnnualReport.Models;
using IroPortal.Modularity.Forms;

namespace IroPortal.AnnualReport.ViewModels;

public sealed record VersionsPage(Report Report, IReadOnlyList<ReportVersion> Versions);
