using IroPortal.Modularity.Forms;
using IroPortal.Modularity;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace IroPortal.Contributions.ViewModels;

public sealed class RoundForm
{
    public int YearStart { get; set; }
    public DateParts Deadline { get; set; } = new();
    public string? Guidance { get; set; }
    public List<Guid> IroIds { get; set; } = [];
    [BindNever] public IReadOnlyList<SelectListItem> YearChoices { get; set; } = [];
    [BindNever] public IReadOnlyList<SelectListItem> IroChoices { get; set; } = [];

    /// <summary>The year just ended (usual in spring) or the one in progress.</summary>
    public static IReadOnlyList<int> Years(DateOnly today) => [ReportingYear.Containing(today) - 1, ReportingYear.Containing(today)];
}
