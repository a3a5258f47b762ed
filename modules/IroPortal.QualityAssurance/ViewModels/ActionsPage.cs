using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed record ActionsPage(IReadOnlyList<QaAction> Actions, IReadOnlyDictionary<Guid, string> Iros, DateOnly Today);
