using IroPortal.Modularity.Scheduling;
using OpenIddict.Abstractions;

namespace IroPortal.OpenId.Services;

/// <summary>Removes token and authorisation records that have expired or been revoked, once they are a day old.</summary>
internal sealed class TokenPruning(IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, TimeProvider clock) : IScheduledWork
{
    public const string Key = "openid.prune-tokens";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var threshold = clock.GetUtcNow().AddDays(-1);
        var removedTokens = await tokens.PruneAsync(threshold, cancellationToken);
        var removedAuthorizations = await authorizations.PruneAsync(threshold, cancellationToken);
        return $"Removed {removedTokens} expired or revoked token record(s) and {removedAuthorizations} authorisation record(s).";
    }
}
