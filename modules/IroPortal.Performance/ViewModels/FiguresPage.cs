using IroPortal.Modularity.Forms;
using IroPortal.Performance.Contracts;
using IroPortal.Performance.Models;

namespace IroPortal.Performance.ViewModels;

public sealed record FiguresPage(ReviewFigures Figures, int CurrentYear, ReturnImport? LastImport, IReadOnlySet<int> YearsWithData, IReadOnlyList<ReviewFigures> Trend);
