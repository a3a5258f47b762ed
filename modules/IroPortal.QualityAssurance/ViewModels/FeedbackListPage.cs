using IroPortal.QualityAssurance.Contracts;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;

namespace IroPortal.QualityAssurance.ViewModels;

/// <param name="Urgent">The urgent concern of each response that has one.</param>
public sealed record FeedbackListPage(IReadOnlyList<FeedbackResponse> Responses, IReadOnlyList<FeedbackRequest> OpenLinks, IReadOnlyDictionary<Guid, string> Iros,
    IReadOnlyDictionary<Guid, Guid> Urgent, DateTime NowUtc)
{
    public string IroName(Guid id) => QaText.IroName(Iros, id);
}
