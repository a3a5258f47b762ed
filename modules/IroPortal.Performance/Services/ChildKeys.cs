using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IroPortal.Performance.Services;

/// <summary>
/// Turns a child's identifier from the return into what the portal stores: HMAC-SHA256 under the council's key
/// (<c>DataProtection:ChildIdentifierKey</c>), in hex. The same identifier gives the same key in every return, so a
/// child's episodes, reviews and allocations still link; without the key, a leaked database does not say which child
/// is which, and the identifiers cannot be guessed back by trying them all (they are short numbers).
/// </summary>
public sealed class ChildKeys
{
    public const string Setting = "DataProtection:ChildIdentifierKey";
    /// <summary>64 hex digits. A return's identifiers are at most 20 characters, so a stored key is never one of them.</summary>
    public const int Length = 64;

    // Outside Production only, so that the demo and tests link across restarts; never protects real data.
    private static readonly byte[] DevelopmentKey = SHA256.HashData("IroPortal development child key: not secret"u8);

    private readonly byte[] _key;

    public ChildKeys(byte[] key) => _key = key;

    public bool IsDevelopmentKey => CryptographicOperations.FixedTimeEquals(_key, DevelopmentKey);

    /// <summary>The key from settings: base64 of at least 32 random bytes. Production refuses to start without one.</summary>
    public static ChildKeys FromSettings(IConfiguration configuration, IHostEnvironment environment)
    {
        var text = configuration[Setting];
        if (string.IsNullOrWhiteSpace(text))
        {
            if (environment.IsProduction())
                throw new InvalidOperationException($"Set {Setting} (base64 of at least 32 random bytes, e.g. `openssl rand -base64 32`): " +
                    "children's identifiers from the return are kept only as a keyed hash, and Production needs the council's own key.");
            return new ChildKeys(DevelopmentKey);
        }
        byte[] key;
        try { key = Convert.FromBase64String(text.Trim()); }
        catch (FormatException) { throw new InvalidOperationException($"{Setting} is not base64: give at least 32 random bytes in base64 (`openssl rand -base64 32`)."); }
        if (key.Length < 32) throw new InvalidOperationException($"{Setting} is {key.Length} bytes; it must be at least 32.");
        return new ChildKeys(key);
    }

    public string Of(string childIdentifier) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(childIdentifier.Trim())));

    public static bool IsKey(string value) => value.Length == Length && value.All(char.IsAsciiHexDigitLower);
}

/// <summary>Says at start-up, outside Development, that children's identifiers are hashed with the published development key.</summary>
internal sealed class ChildKeysWarning(ChildKeys keys, ILogger<ChildKeysWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (keys.IsDevelopmentKey)
            logger.LogWarning("{Setting} is not set: children's identifiers from the return are hashed with the development key, which is not secret. Set it before importing a real return.", ChildKeys.Setting);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Hashes the identifiers that rows imported before keyed hashing still hold (anything not yet a key), in
/// every table, so a child's rows keep linking. Runs at every start; finds nothing once done.</summary>
internal sealed class ChildKeysUpgrade(IroPortal.Data.PortalDbContext db, ChildKeys keys) : IroPortal.Data.Seeding.IPortalSeeder
{
    public int Order => -50;

    public async Task SeedAsync(IroPortal.Data.Seeding.SeedContext context, CancellationToken cancellationToken)
    {
        // A raw identifier is at most 20 characters and a key is 64: length alone tells them apart in SQL.
        var raw = await db.Set<Models.CareChild>().Where(c => c.ChildKey.Length != ChildKeys.Length).Select(c => c.ChildKey)
            .Union(db.Set<Models.CareEpisode>().Where(e => e.ChildKey.Length != ChildKeys.Length).Select(e => e.ChildKey))
            .Union(db.Set<Models.CareReview>().Where(r => r.ChildKey.Length != ChildKeys.Length).Select(r => r.ChildKey))
            .Union(db.Set<Models.IroAllocation>().Where(a => a.ChildKey.Length != ChildKeys.Length).Select(a => a.ChildKey))
            .ToListAsync(cancellationToken);
        if (raw.Count == 0) return;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var identifier in raw)
        {
            var key = keys.Of(identifier);
            await db.Set<Models.CareChild>().Where(c => c.ChildKey == identifier).ExecuteUpdateAsync(u => u.SetProperty(c => c.ChildKey, key), cancellationToken);
            await db.Set<Models.CareEpisode>().Where(c => c.ChildKey == identifier).ExecuteUpdateAsync(u => u.SetProperty(c => c.ChildKey, key), cancellationToken);
            await db.Set<Models.CareReview>().Where(c => c.ChildKey == identifier).ExecuteUpdateAsync(u => u.SetProperty(c => c.ChildKey, key), cancellationToken);
            await db.Set<Models.IroAllocation>().Where(c => c.ChildKey == identifier).ExecuteUpdateAsync(u => u.SetProperty(c => c.ChildKey, key), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        context.Report.WriteLine($"Imported review data: {raw.Count} children's identifiers replaced by their keyed hash.");
    }
}
