using IroPortal.Modularity;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.Users.Contracts;

namespace IroPortal.QualityAssurance.ViewModels;

/// <param name="Iros">The IROs a child may choose from, when they started the form themselves; null behind a link.</param>
/// <param name="Path">Where the form is sent, and where its version and language links lead.</param>
public sealed record ChildFormPage(ChildFeedbackForm Form, ChildFormVersion Version, ChildPageWords Words, IReadOnlyList<ChildLanguage> Languages,
    IReadOnlyList<StaffMember>? Iros, string Path)
{
    public bool SelfStarted => Iros is not null;

    public string Address(ChildFormVersion version, string? language) => Address(Path, version, language);

    public static string Address(string path, ChildFormVersion version, string? language) =>
        $"{path}?version={version.Slug()}" + (language is null ? "" : "&lang=" + Uri.EscapeDataString(language));
}
