using IroPortal.DataProtection.Services;
using IroPortal.Modularity.Forms;

namespace IroPortal.DataProtection.ViewModels;

public sealed record StatementEditPage(StatementText Current, string? Typed)
{
    public string Text => Typed ?? Current.Text;
}
