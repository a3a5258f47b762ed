using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed record ObservationPage(Observation Observation, string IroName, IReadOnlyList<QaAction> Actions, bool IsManager, bool IsTheIro)
{
    public string? Reflection { get; init; }
}
