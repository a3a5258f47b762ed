using IroPortal.AnnualReport.Contracts;
using IroPortal.AnnualReport.Models;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;

namespace IroPortal.AnnualReport.ViewModels;

/// <param name="Theirs">When the save conflicted: the section as the other person saved it.</param>
public sealed record EditPage(Report Report, ReportSection Section, string Body, int Revision, ReportSection? Theirs,
    IReadOnlyDictionary<string, FigureTable> Figures, IReadOnlyList<AcceptedContribution> Contributions);
