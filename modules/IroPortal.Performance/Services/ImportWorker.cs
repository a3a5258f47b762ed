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

internal sealed class ImportWorker(ImportQueue queue, IServiceScopeFactory scopes, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
