using IroPortal.Publishing.Contracts;

namespace IroPortal.Publishing.Services;

internal sealed class PublicPrivacyGuard(PublishingService publishing) : IPublicPrivacyGuard
{
    public async Task<IReadOnlyList<PrivacyProblem>> CheckAsync(IReadOnlyList<(string Where, string Text)> texts, CancellationToken cancellationToken = default) =>
        PrivacyGuard.Scan(texts.Select(t => new GuardText(t.Where, "", t.Text)), await publishing.NamesWithCouncilAsync(cancellationToken), publicVersion: true)
            .Select(f => new PrivacyProblem(f.Kind, f.Text, f.Where)).ToList();
}
