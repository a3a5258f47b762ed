using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed class StandardGradeInput
{
    public ObservationStandard Standard { get; set; }
    public Grade? Grade { get; set; }
    public string? Evidence { get; set; }
}
