using IroPortal.Modularity.Forms;
using IroPortal.Users.Contracts;

namespace IroPortal.BoardActions.ViewModels;

public sealed record UpdateForm
{
    public string? Text { get; set; }
    /// <summary>Mark an open action done, or open a done one again.</summary>
    public bool ChangeState { get; set; }
    public int Revision { get; set; }
}
