using IroPortal.Modularity.Forms;

namespace IroPortal.BoardActions.ViewModels;

public sealed class ThemeForm
{
    public string? Said { get; set; }
    public List<Guid> ActionIds { get; set; } = [];
}
