using IroPortal.Modularity.Forms;
using IroPortal.Performance.Models;

namespace IroPortal.Performance.ViewModels;

public sealed record WorkingTimePage(IReadOnlyList<string> Iros, IReadOnlyList<IroWorkingTime> Times, WorkingTimeForm Form, DateOnly Today)
{
    /// <summary>The row that holds on a day for an IRO: the latest that has started.</summary>
    public IroWorkingTime? On(string iro, DateOnly day) =>
        Times.Where(t => t.IroName == iro && t.From <= day).MaxBy(t => t.From) ?? Times.Where(t => t.IroName == iro).MinBy(t => t.From);
}
