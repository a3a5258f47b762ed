using IroPortal.Publishing.Contracts;

namespace IroPortal.Publishing.Services;

internal sealed class PublicPrivacyGuard(PublishingService publishing) : IPublicPrivacyGuard
{
    public async Task<IReadOnlyList<PrivacyProblem>> CheckHtmlAsync(string where, string html, CancellationToken cancellationToken = default)
    {
        var rules = await publishing.RulesAsync(cancellationToken);
        IReadOnlyList<GuardText> texts;
        try { texts = PublishedText.FromHtml(html, new Dictionary<string, string>()).Select(t => t with { Where = where }).ToList(); }
        catch (Exception e) when (e is not OperationCanceledException) { return [new PrivacyProblem(PrivacyGuard.UnreadableKind, e.Message, where)]; }
        return PrivacyGuard.Scan(texts, rules.Approved, rules.CaseReferences, smallCounts: true)
            .Select(f => new PrivacyProblem(f.Kind, f.Text, $"{f.Where} ({string.Join(", ", f.Seen)})")).ToList();
    }
}
