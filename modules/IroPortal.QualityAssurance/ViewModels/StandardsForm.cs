using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed class StandardsForm
{
    public List<StandardInput> Standards { get; set; } = [];
    [BindNever] public IReadOnlyList<QaStandard> History { get; set; } = [];
}
