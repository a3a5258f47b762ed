using System.Threading.Channels;
using IroPortal.Performance.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IroPortal.Performance.Services;

/// <summary>Imports confirmed on this node, run one at a time away from the web request.</summary>
public sealed class ImportQueue
{
    private readonly Channel<Guid> _imports = Channel.CreateUnbounded<Guid>();
    public ValueTask EnqueueAsync(Guid importId) => _imports.Writer.WriteAsync(importId);
    internal ChannelReader<Guid> Reader => _imports.Reader;
}

/// <summary>Failed imports whose failure could not be recorded either (a full disk): the reason to record.</summary>
public sealed class ImportCleanups
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, string> _pending = new();
    public void Add(Guid importId, string failure) => _pending[importId] = failure;
    public void Done(Guid importId) => _pending.TryRemove(importId, out _);
    public bool Any => !_pending.IsEmpty;
    public IReadOnlyList<(Guid ImportId, string Failure)> Pending() => _pending.Select(p => (p.Key, p.Value)).ToList();
}

internal sealed class ImportWorker(ImportQueue queue, ImportCleanups cleanups, IServiceScopeFactory scopes, ILogger<ImportWorker> logger) : BackgroundService
{
    public static readonly TimeSpan CleanupRetry = TimeSpan.FromSeconds(15);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(RunImportsAsync(stoppingToken), RetryCleanupsAsync(stoppingToken));

    private async Task RetryCleanupsAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CleanupRetry);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!cleanups.Any) continue;
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ImportService>().RetryCleanupsAsync();
        }
    }

    private async Task RunImportsAsync(CancellationToken stoppingToken)
    {
        await foreach (var importId in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IroPortal.Data.PortalDbContext>();
                var import = await db.Set<ReturnImport>().AsNoTracking().SingleAsync(i => i.Id == importId, stoppingToken);
                var staged = await db.Set<StagedUpload>().AsNoTracking().Include(u => u.Files).SingleAsync(u => u.Id == import.StagedUploadId, stoppingToken);
                await scope.ServiceProvider.GetRequiredService<ImportService>().RunAsync(importId, ImportService.Files(staged), cancellationToken: stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Recorded on the import itself, for the person who asked for it.
                logger.LogWarning(ex, "Import {ImportId} did not complete", importId);
            }
        }
    }
}
