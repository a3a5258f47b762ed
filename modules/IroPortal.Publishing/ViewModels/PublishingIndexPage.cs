using IroPortal.Modularity.Forms;
using IroPortal.Publishing.Models;

namespace IroPortal.Publishing.ViewModels;

public sealed record PublishingIndexPage(IReadOnlyList<int> Years, IReadOnlySet<int> Approved, ILookup<int, (Audience Audience, int Number)> Published);
