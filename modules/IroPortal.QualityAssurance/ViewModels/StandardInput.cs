using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed class StandardInput
{
    public QaActivity Activity { get; set; }
    public int? IntervalMonths { get; set; }
}
