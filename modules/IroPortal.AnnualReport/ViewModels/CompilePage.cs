using IroPortal.AnnualReport.Models;
using IroPortal.Modularity.Forms;

namespace IroPortal.AnnualReport.ViewModels;

public sealed record CompilePage(Report Report, IReadOnlyDictionary<Guid, int> CommentCounts, bool CanApprove);
