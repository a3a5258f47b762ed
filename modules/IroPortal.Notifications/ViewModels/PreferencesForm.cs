using IroPortal.Modularity.Forms;

namespace IroPortal.Notifications.ViewModels;

public sealed class PreferencesForm
{
    public string? Delivery { get; set; }
}
