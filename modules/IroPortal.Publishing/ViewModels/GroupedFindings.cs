using IroPortal.Modularity.Forms;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;

namespace IroPortal.Publishing.ViewModels;

public static class GroupedFindings
{
    /// <param name="fixLink">Where the manager corrects what an anchor of a draft came from.</param>
    public static IReadOnlyList<GroupedFinding> Of(Func<ReleaseDraft, string, string?> fixLink, params GuardState?[] states) =>
        states.Where(s => s is not null).SelectMany(s => s!.Findings.Select(f => (State: s, Finding: f)))
            .GroupBy(x => x.Finding.Finding.Key)
            .Select(g => new GroupedFinding(g.First().Finding,
                g.Select(x => PublishingService.AudienceName(x.State.Draft.Audience)).Distinct().ToList(),
                g.SelectMany(x => x.Finding.Finding.Seen).Distinct().ToList(),
                fixLink(g.First().State!.Draft, g.First().Finding.Finding.Anchor)))
            .ToList();
}
