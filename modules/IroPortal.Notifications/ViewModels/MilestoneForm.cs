using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;

namespace IroPortal.Notifications.ViewModels;

public sealed class MilestoneForm
{
    public string? Title { get; set; }
    public DateParts Date { get; set; } = new();
    public List<string> Roles { get; set; } = [];
    /// <summary>Null when what was typed is not a number, so the error says so (a default here would hide it).</summary>
    public int? RemindDaysBefore { get; set; }

    public static MilestoneForm Blank() => new() { RemindDaysBefore = 7 };
}
