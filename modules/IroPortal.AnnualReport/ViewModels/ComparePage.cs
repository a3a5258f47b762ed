using IroPortal.AnnualReport.Models;
using IroPortal.AnnualReport.Services;
using IroPortal.Modularity.Forms;

namespace IroPortal.AnnualReport.ViewModels;

public sealed record ComparePage(Report Report, ReportVersion Older, ReportVersion Newer, IReadOnlyList<SectionDiff> Sections);
