using IroPortal.Data;
using IroPortal.Modularity.PersonalData;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;

namespace IroPortal.OpenId.Services;

/// <summary>The records of tokens issued to the council's systems, kept to their retention period by the disposal job:
/// a token that expired or was revoked goes (with its authorisation) once it is older than the period.</summary>
internal sealed class TokenRetention(PortalDbContext db, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations) : IRetentionSource
{
    public const string Key = "openid.tokens";

    public string Name => "API clients";

    public IReadOnlyList<RetainedKind> Kinds { get; } =
    [
        new(Key, "API token records", "Which of the council's systems was given a token, when, and until when (the tokens themselves are never kept).",
            "From when the token was issued, once it has expired or been revoked", 1, Disposal.Deleted, "the record is deleted; a token that still works is kept."),
    ];

    // OpenIddict's own pruning decides "expired" by the real clock, so the count does too.
    public Task<int> CountPastAsync(string kind, DateTime cutoffUtc, CancellationToken cancellationToken = default) =>
        kind == Key
            ? db.Set<OpenIddictEntityFrameworkCoreToken>().CountAsync(t => t.CreationDate < cutoffUtc
                && (t.ExpirationDate < DateTime.UtcNow || t.Status != OpenIddictConstants.Statuses.Valid), cancellationToken)
            : Task.FromResult(0);

    public async Task<int> DisposeAsync(string kind, DateTime cutoffUtc, CancellationToken cancellationToken = default)
    {
        if (kind != Key) return 0;
        var threshold = new DateTimeOffset(cutoffUtc, TimeSpan.Zero);
        var removed = (int)await tokens.PruneAsync(threshold, cancellationToken);
        await authorizations.PruneAsync(threshold, cancellationToken);
        return removed;
    }
}
