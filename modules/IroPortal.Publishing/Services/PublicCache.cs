using IroPortal.Data;
using IroPortal.Publishing.Contracts;
using IroPortal.Publishing.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IroPortal.Publishing.Services;

/// <summary>
/// The public pages come from the output cache. Each node has its own cache, so entries vary by a stamp of the
/// newest publication: the node that publishes moves its stamp at once (and drops its entries); every other node
/// reads the stamp from the database at most every few seconds and so serves a republished report within them.
/// While the database cannot be read the last stamp stands, so the pages the cache holds are still served.
/// </summary>
public sealed class PublicCache(IServiceScopeFactory scopes, IOutputCacheStore store, TimeProvider clock, ILogger<PublicCache> logger) : IPublicPages
{
    public const string Policy = "PublicReports";
    public const string Tag = "public-reports";
    private static readonly TimeSpan StampLife = TimeSpan.FromSeconds(5);

    private string _stamp = "";
    private DateTimeOffset _checked = DateTimeOffset.MinValue;

    public async ValueTask<KeyValuePair<string, string>> StampAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _checked > StampLife)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var newest = await db.Set<Release>().Where(r => r.Audience != Audience.Board).OrderByDescending(r => r.PublishedUtc).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
                var stamp = newest.ToString("N") + "/" + await scope.ServiceProvider.GetRequiredService<SummaryTranslations>().StampAsync(cancellationToken);
                foreach (var addition in scope.ServiceProvider.GetServices<IPublicReportAddition>())
                    stamp += "/" + await addition.StampAsync(cancellationToken);
                _stamp = stamp;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away: keep the last stamp, so cached pages are still served, and try again shortly.
                logger.LogWarning(ex, "Could not read the public pages' stamp; serving the cache under the last one");
            }
            _checked = now;
        }
        return new("published", _stamp);
    }

    /// <summary>After a publication on this node: its pages are built afresh from the next request.</summary>
    public async Task PublishedAsync(Guid releaseId, CancellationToken cancellationToken = default)
    {
        _stamp = releaseId.ToString("N");
        _checked = clock.GetUtcNow();
        await store.EvictByTagAsync(Tag, cancellationToken);
    }

    /// <summary>An addition to the public pages changed on this node: read the stamp afresh and rebuild the pages.</summary>
    public async Task ChangedAsync(CancellationToken cancellationToken = default)
    {
        _checked = DateTimeOffset.MinValue;
        await store.EvictByTagAsync(Tag, cancellationToken);
    }

    public static void Configure(OutputCacheOptions options) =>
        options.AddPolicy(Policy, policy => policy.Expire(TimeSpan.FromMinutes(30)).Tag(Tag)
            .VaryByValue((context, cancellationToken) => context.RequestServices.GetRequiredService<PublicCache>().StampAsync(context, cancellationToken)));
}
