using System.Security.Claims;
using IroPortal.Modularity.Permissions;
using Microsoft.AspNetCore.Routing;

namespace IroPortal.Modularity.Navigation;

/// <summary>An entry in the staff navigation and on the staff home page.</summary>
/// <param name="Section">One of <see cref="MenuSections"/>: the task it belongs to.</param>
/// <param name="Route">The name of the page's route; <see cref="Url"/> is made from it.</param>
public sealed record MenuItem(string Section, string Title, string Route, string Permission, string Description = "", int Order = 0)
{
    public string Url { get; init; } = "";
}

/// <summary>The sections of the staff navigation, by task, in the order they are shown. Each user sees those where
/// their permissions give them at least one page; the pages of the section they are in show beneath.</summary>
public static class MenuSections
{
    public const string QualityAssurance = "Quality assurance";
    public const string AnnualReport = "Annual report";
    public const string Board = "Board";
    public const string ReviewData = "Review data";
    public const string Disputes = "Disputes";
    /// <summary>Reminders, users and roles, the council's systems, data protection: one section, so that the
    /// sections fit one line at 1280 px.</summary>
    public const string Settings = "Settings";

    public static readonly IReadOnlyList<string> Order = [QualityAssurance, AnnualReport, Board, ReviewData, Disputes, Settings];

    /// <summary>Where a section comes in <see cref="Order"/>; one it does not know comes last.</summary>
    public static int Position(string section) => Order.ToList().IndexOf(section) is var i and >= 0 ? i : int.MaxValue;
}

/// <summary>A module's AdminMenu.cs implements this.</summary>
public interface INavigationProvider
{
    IEnumerable<MenuItem> GetMenuItems();
}

public sealed class NavigationService(IEnumerable<INavigationProvider> providers, IPermissionChecker permissions, LinkGenerator links)
{
    /// <summary>The entries this user's permissions allow, by section in <see cref="MenuSections.Order"/>; one entry
    /// for each address (a manager who may also review the report sees the report once).</summary>
    public async Task<IReadOnlyList<IGrouping<string, MenuItem>>> GetMenuAsync(ClaimsPrincipal user)
    {
        var granted = await permissions.GetGrantedAsync(user);
        return providers.SelectMany(p => p.GetMenuItems())
            .Where(item => granted.Contains(item.Permission))
            .Select(item => item with { Url = links.PathTo(item.Route) })
            .OrderBy(item => item.Order).ThenBy(item => item.Title, StringComparer.Ordinal)
            .DistinctBy(item => item.Url)
            .GroupBy(item => item.Section)
            .OrderBy(group => MenuSections.Position(group.Key))
            .ToList();
    }

    /// <summary>The entry a page belongs to: the one whose address is the longest start of the page's
    /// (/qa/feedback/links/new is "Ask for feedback", not the compliance board).</summary>
    public static MenuItem? Current(IEnumerable<IGrouping<string, MenuItem>> menu, string path) =>
        menu.SelectMany(g => g).Where(i => path == i.Url || path.StartsWith(i.Url + "/", StringComparison.OrdinalIgnoreCase)).MaxBy(i => i.Url.Length);
}

public enum WorkState
{
    /// <summary>Nothing to do now: said in words, without a tag.</summary>
    Done,
    ToDo,
    DueSoon,
    Overdue,
}

/// <summary>A line of the home page's list of what needs doing, in a section of <see cref="MenuSections"/>.</summary>
/// <param name="Status">In words: "3 overdue", "Due 14 March 2027", "Nothing overdue".</param>
public sealed record WorkItem(string Section, string Title, string Url, WorkState State, string Status, string Hint = "", int Order = 0);

/// <summary>A module's part of the home page: what this user has to do in it now. Each source checks the user's own
/// permissions and answers nothing when it has nothing for them. Scoped.</summary>
public interface IWorkItemSource
{
    Task<IReadOnlyList<WorkItem>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);
}
