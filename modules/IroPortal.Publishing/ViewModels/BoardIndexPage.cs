using IroPortal.Modularity.Forms;
using IroPortal.Publishing.Models;

namespace IroPortal.Publishing.ViewModels;

public sealed record BoardIndexPage(IReadOnlyList<BoardListRow> Releases, IReadOnlyDictionary<int, BoardResolution> Resolutions);
