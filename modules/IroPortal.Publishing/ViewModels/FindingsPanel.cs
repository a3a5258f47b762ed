using IroPortal.Modularity.Forms;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;

namespace IroPortal.Publishing.ViewModels;

/// <param name="PlaceLink">Where each finding's anchor is: the preview of a version.</param>
public sealed record FindingsPanel(int Year, Audience Audience, IReadOnlyList<GroupedFinding> Findings, string PlaceLink, string ReturnTo)
{
    public FindingsPanel(int year, Audience audience, IReadOnlyList<CheckedFinding> findings, string placeLink, string returnTo, Func<string, string?>? fixLink = null)
        : this(year, audience, findings.Select(f => new GroupedFinding(f, [], f.Finding.Seen, fixLink?.Invoke(f.Finding.Anchor))).ToList(), placeLink, returnTo) { }
}
