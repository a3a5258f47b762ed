using IroPortal.Modularity.Navigation;

namespace IroPortal.Home.ViewModels;

/// <summary>The home page: what needs doing, by section, then every page this user may open.</summary>
public sealed record StaffHomePage(IReadOnlyList<IGrouping<string, WorkItem>> Work, IReadOnlyList<IGrouping<string, MenuItem>> Menu);
