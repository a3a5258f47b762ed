using Npgsql;

namespace IroPortal.Data;

/// <summary>
/// A PostgreSQL session advisory lock, for work that one node at a time must do on a shared database (migrating,
/// installing a schema). Held on its own connection, which the work may use; released when disposed (and by
/// PostgreSQL if the node dies, with its session).
/// </summary>
public sealed class AdvisoryLock : IDisposable, IAsyncDisposable
{
    /// <summary>The portal's keys: any numbers, as long as no two kinds of work share one.</summary>
    public const long Startup = 0x4952_4F5F_5354; // "IRO_ST"
    public const long HangfireSchema = 0x4952_4F5F_4846; // "IRO_HF"

    private readonly long _key;

    private AdvisoryLock(NpgsqlConnection connection, long key) => (Connection, _key) = (connection, key);

    public NpgsqlConnection Connection { get; }

    /// <summary>Waits until this node holds the lock.</summary>
    public static AdvisoryLock Take(string connectionString, long key)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"select pg_advisory_lock({key})", connection);
        command.ExecuteNonQuery();
        return new AdvisoryLock(connection, key);
    }

    /// <inheritdoc cref="Take"/>
    public static async Task<AdvisoryLock> TakeAsync(string connectionString, long key, CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"select pg_advisory_lock({key})", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new AdvisoryLock(connection, key);
    }

    // Unlocking before closing lets the next node go at once, not when the pool next resets this session.
    public void Dispose()
    {
        using (var command = new NpgsqlCommand($"select pg_advisory_unlock({_key})", Connection)) command.ExecuteNonQuery();
        Connection.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await using (var command = new NpgsqlCommand($"select pg_advisory_unlock({_key})", Connection)) await command.ExecuteNonQueryAsync();
        await Connection.DisposeAsync();
    }
}
