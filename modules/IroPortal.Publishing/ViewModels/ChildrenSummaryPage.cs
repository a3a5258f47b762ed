using IroPortal.Modularity.Forms;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;

namespace IroPortal.Publishing.ViewModels;

public sealed record ChildrenSummaryPage(int Year, ChildrenSummaryForm Form, bool Saved, ReadabilityReport Readability, IReadOnlyList<CheckedFinding> Findings,
    ChildrenPublishForm Publish, int? PublishedNumber, DateTime? PublishedUtc, IReadOnlyList<ChildrenSummaryTranslation> Translations);
