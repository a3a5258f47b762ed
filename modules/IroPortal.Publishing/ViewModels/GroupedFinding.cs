using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Publishing.Services;

namespace IroPortal.Publishing.ViewModels;

/// <summary>One finding however many versions and outputs it stands in, so that one decision answers it.</summary>
/// <param name="Versions">The versions it is in ("board version", "public report").</param>
public sealed record GroupedFinding(CheckedFinding Checked, IReadOnlyList<string> Versions, IReadOnlyList<string> Seen, string? FixLink);
