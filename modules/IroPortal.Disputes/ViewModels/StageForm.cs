using IroPortal.Disputes.Models;
using IroPortal.Modularity.Forms;

namespace IroPortal.Disputes.ViewModels;

public sealed class StageForm
{
    public Guid? Id { get; set; }
    public StageKind Kind { get; set; }
    public string? Name { get; set; }
    public string? Days { get; set; }
    public bool Remove { get; set; }
}
