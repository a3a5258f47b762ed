using IroPortal.Modularity.Forms;

namespace IroPortal.BoardActions.ViewModels;

public sealed record ActionForm
{
    public string? What { get; set; }
    public Guid? OwnerId { get; set; }
    public DateParts Due { get; set; } = new();
    public string? Section { get; set; }
    public int Revision { get; set; }
}
