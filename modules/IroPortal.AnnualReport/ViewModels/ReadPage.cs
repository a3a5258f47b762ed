using IroPortal.AnnualReport.Contracts;
using IroPortal.AnnualReport.Models;
using IroPortal.Modularity.Forms;

namespace IroPortal.AnnualReport.ViewModels;

public sealed record ReadPage(Report Report, IReadOnlyDictionary<string, FigureTable> Figures, ILookup<Guid, SectionComment> Comments, bool CanComment, bool IsManager);
