using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Performance.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

#pragma warning disable EF1002 // SQL names only the fixed tables below; every value is a parameter

namespace IroPortal.Performance.Services;

/// <summary>
/// Checks uploads, keeps them until confirmed, and imports them. An import replaces a year's rows in one
/// transaction, written with the fastest path each database has: either all of a year's data lands or none of it
/// does, also when the process is killed halfway (the database takes back an unfinished transaction).
/// </summary>
public sealed class ImportService(PortalDbContext db, IOptions<UploadLimits> limits, ChildKeys keys, ImportCleanups cleanups, TimeProvider clock, ILogger<ImportService> logger)
{
    private const int BatchSize = 10_000;
    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromMinutes(2);

    /// <summary>What is wrong with the last day an extract covers, or null: it must fall in the year, and not after today.</summary>
    public string? RunsToProblem(int year, DateOnly runsTo)
    {
        var today = UkTime.Today(clock);
        if (runsTo < ReportingYear.Start(year) || runsTo > ReportingYear.End(year))
            return $"An extract for {ReportingYear.Name(year)} must run to a day in that year, from {UkTime.Format(ReportingYear.Start(year))} to {UkTime.Format(ReportingYear.End(year))}";
        return runsTo > today ? "An extract cannot run to a day after today" : null;
    }

    public ParsedReturn Check(IReadOnlyList<SourceFile> files, int year) =>
        ReturnValidator.Validate(files.SelectMany(f => TableReader.Read(f, limits.Value)).ToList(), year, keys);

    /// <param name="runsTo">For an extract for part of the year: the last day it covers.</param>
    public async Task<Guid> StageAsync(IReadOnlyList<SourceFile> files, int year, Guid userId, string userName, DateOnly? runsTo = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Uploads nobody confirmed within a day are dropped.
        await db.Set<StagedUpload>().Where(u => u.CreatedUtc < now.AddDays(-1)).ExecuteDeleteAsync(cancellationToken);
        var upload = new StagedUpload { Id = Guid.CreateVersion7(), YearStart = year, RunsTo = runsTo, CreatedUtc = now, CreatedById = userId, CreatedBy = userName };
        upload.Files.AddRange(files.Select(f => new StagedFile { Id = Guid.CreateVersion7(), FileName = f.Name, Content = f.Content, Sha256 = Sha256(f.Content) }));
        db.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        return upload.Id;
    }

    public async Task<StagedUpload?> StagedAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.Set<StagedUpload>().AsNoTracking().Include(u => u.Files).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    public static IReadOnlyList<SourceFile> Files(StagedUpload upload) => upload.Files.OrderBy(f => f.FileName).Select(f => new SourceFile(f.FileName, f.Content)).ToList();

    /// <summary>Records an import waiting to run; the worker (or the command line) runs it.</summary>
    public async Task<ReturnImport> QueueAsync(int year, IReadOnlyList<SourceFile> files, string by, Guid? stagedUploadId, CancellationToken cancellationToken = default, DateOnly? runsTo = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var import = new ReturnImport
        {
            Id = Guid.CreateVersion7(), YearStart = year, RunsTo = runsTo, State = ImportState.Queued, StagedUploadId = stagedUploadId, ImportedBy = by,
            StartedUtc = now, HeartbeatUtc = now, Files = string.Join("\n", files.Select(f => $"{f.Name} ({f.Content.Length:N0} bytes, SHA-256 {Sha256(f.Content)})")),
        };
        db.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        return import;
    }

    public async Task RunAsync(Guid importId, IReadOnlyList<SourceFile> files, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        var import = await db.Set<ReturnImport>().SingleAsync(i => i.Id == importId, cancellationToken);
        var timer = Stopwatch.StartNew();
        try
        {
            var parsed = Check(files, import.YearStart);
            if (!parsed.CanImport)
                throw new InvalidOperationException($"The files have {parsed.Errors} error(s); check them again before importing.");
            var checkedIn = timer.Elapsed;
            import.State = ImportState.Running;
            import.RowsTotal = parsed.RowCount;
            import.Warnings = parsed.Warnings;
            await TouchAsync(import, cancellationToken);
            await ClearLeftoverShadowRowsAsync(cancellationToken);

            // One transaction: the year's old rows go and the new ones are written straight in, so readers see the
            // old year until the commit and a failure, a stop or a killed process leaves nothing behind.
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                var connection = db.Database.GetDbConnection();
                if (connection is NpgsqlConnection)
                    // Two imports of one year take turns (SQLite's write lock already makes them).
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(903, {0})", [import.YearStart], cancellationToken);
                foreach (var table in Tables)
                    await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{Prefix}{table}\" WHERE \"YearStart\" = {{0}}", [import.YearStart], cancellationToken);
                var written = 0;
                void Report(int rows) => progress?.Invoke(written += rows, parsed.RowCount);
                var year = import.YearStart;
                var into = transaction.GetDbTransaction();
                await WriteAsync(into, "Children", ["YearStart", "ChildKey", "BirthMonth", "Sex", "EthnicGroup", "Uasc", "UascCeased"], parsed.Children,
                    (c, w) => w.Values(year, c.ChildKey, c.BirthMonth, c.Sex, c.EthnicGroup, c.Uasc, c.UascCeased), Report, cancellationToken);
                await WriteAsync(into, "Episodes", ["YearStart", "ChildKey", "Start", "End", "ReasonNewEpisode", "LegalStatus", "Placement", "ReasonEnded", "PlacementDistance"], parsed.Episodes,
                    (e, w) => w.Values(year, e.ChildKey, e.Start, e.End, e.ReasonNewEpisode, e.LegalStatus, e.Placement, e.ReasonEnded, e.PlacementDistance), Report, cancellationToken);
                await WriteAsync(into, "Reviews", ["YearStart", "ChildKey", "ReviewDate", "Code", "AgedFourOrOver"], parsed.Reviews,
                    (r, w) => w.Values(year, r.ChildKey, r.ReviewDate, r.Code, r.AgedFourOrOver), Report, cancellationToken);
                await WriteAsync(into, "Allocations", ["YearStart", "ChildKey", "From", "To", "IroName", "Fte"], parsed.Allocations,
                    (a, w) => w.Values(year, a.ChildKey, a.From, a.To, a.IroName, a.Fte), Report, cancellationToken);

                import.State = ImportState.Completed;
                import.RowsWritten = written;
                import.FinishedUtc = import.HeartbeatUtc = clock.GetUtcNow().UtcDateTime;
                (import.Children, import.Episodes, import.Reviews, import.Allocations) = (parsed.Children.Count, parsed.Episodes.Count, parsed.Reviews.Count, parsed.Allocations.Count);
                await db.SaveChangesAsync(cancellationToken);
                if (import.StagedUploadId is { } staged)
                    await db.Set<StagedUpload>().Where(u => u.Id == staged).ExecuteDeleteAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            logger.LogInformation("Import {ImportId} for {Year}: {Rows} rows checked in {CheckSeconds:0.00} s and written in {WriteSeconds:0.00} s",
                import.Id, import.YearStart, parsed.RowCount, checkedIn.TotalSeconds, (timer.Elapsed - checkedIn).TotalSeconds);
        }
        catch (Exception ex)
        {
            // Stopped or failed: the transaction took back what was written; say so.
            if (ex is OperationCanceledException) logger.LogWarning("Import {ImportId} for {Year} was stopped", import.Id, import.YearStart);
            else logger.LogError(ex, "Import {ImportId} for {Year} failed", import.Id, import.YearStart);
            db.ChangeTracker.Clear();
            var failure = FailureOf(ex);
            try
            {
                await MarkFailedAsync(importId, failure);
            }
            catch (Exception marking)
            {
                // A full disk can refuse even this: it is retried until it lands (ImportWorker).
                logger.LogError(marking, "Import {ImportId}: recording its failure failed too; retrying until it succeeds", import.Id);
                cleanups.Add(importId, failure);
            }
            throw;
        }
    }

    private async Task MarkFailedAsync(Guid importId, string failure) =>
        await db.Set<ReturnImport>().Where(i => i.Id == importId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.State, ImportState.Failed)
            .SetProperty(i => i.FinishedUtc, clock.GetUtcNow().UtcDateTime)
            .SetProperty(i => i.Failure, failure), CancellationToken.None);

    /// <summary>Failures that could not be recorded when they happened, tried again (once space returns, they land).</summary>
    public async Task RetryCleanupsAsync()
    {
        foreach (var (importId, failure) in cleanups.Pending())
        {
            try
            {
                await MarkFailedAsync(importId, failure);
                cleanups.Done(importId);
                logger.LogInformation("Import {ImportId}: marked failed", importId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Import {ImportId}: recording its failure still fails ({Problem})", importId, ex.Message);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>What the person who asked for the import reads.</summary>
    private static string FailureOf(Exception ex) => ex switch
    {
        _ when IsDiskFull(ex) => "The database's disk is full, so the import stopped. Nothing was changed. Ask for space to be freed, then import the return again.",
        RefusedFileException => ex.Message,
        InvalidOperationException { InnerException: null } => ex.Message,
        OperationCanceledException => "The import was stopped before it finished. Nothing was changed.",
        _ => "The import stopped on an unexpected error. Nothing was changed; the log has the details.",
    };

    /// <summary>SQLite's SQLITE_FULL, or PostgreSQL's disk_full, however wrapped.</summary>
    public static bool IsDiskFull(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 } or PostgresException { SqlState: "53100" }) return true;
        return false;
    }

    /// <summary>An import whose heartbeat stopped was interrupted (its node stopped): nothing of it landed.</summary>
    public bool IsInterrupted(ReturnImport import) =>
        import.State is ImportState.Queued or ImportState.Running && clock.GetUtcNow().UtcDateTime - import.HeartbeatUtc > HeartbeatTimeout;

    private const string Prefix = "Performance_";
    private static readonly string[] Tables = ["Children", "Episodes", "Reviews", "Allocations"];

    private async Task TouchAsync(ReturnImport import, CancellationToken cancellationToken)
    {
        import.HeartbeatUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Versions before the one-transaction import wrote under a negative "shadow" year first; a process of
    /// theirs killed halfway left such rows behind, never read. They go.</summary>
    private async Task ClearLeftoverShadowRowsAsync(CancellationToken cancellationToken)
    {
        foreach (var table in Tables)
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{Prefix}{table}\" WHERE \"YearStart\" < 0", cancellationToken);
    }

    /// <summary>Rows inside the import's transaction: PostgreSQL's binary COPY, or SQLite's one prepared insert. A stop
    /// is heard, and progress told, every <see cref="BatchSize"/> rows.</summary>
    private static async Task WriteAsync<T>(DbTransaction transaction, string table, string[] columns, IReadOnlyList<T> rows, Action<T, RowWriter> write,
        Action<int> batchDone, CancellationToken cancellationToken)
    {
        var quoted = string.Join(", ", columns.Select(c => $"\"{c}\""));
        async Task EachAsync(Func<T, Task> one)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (i % BatchSize == 0) cancellationToken.ThrowIfCancellationRequested();
                await one(rows[i]);
                if ((i + 1) % BatchSize == 0 || i + 1 == rows.Count) batchDone(i % BatchSize + 1);
            }
        }

        if (transaction.Connection is NpgsqlConnection postgres)
        {
            await using var importer = await postgres.BeginBinaryImportAsync($"COPY \"{Prefix}{table}\" ({quoted}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            var writer = new RowWriter(importer);
            await EachAsync(async row => { await importer.StartRowAsync(cancellationToken); write(row, writer); });
            await importer.CompleteAsync(cancellationToken);
        }
        else
        {
            await using var insert = transaction.Connection!.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{Prefix}{table}\" ({quoted}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = columns.Select((_, i) => { var p = insert.CreateParameter(); p.ParameterName = $"$p{i}"; insert.Parameters.Add(p); return p; }).ToArray();
            await insert.PrepareAsync(cancellationToken);
            var writer = new RowWriter(parameters);
            await EachAsync(async row => { write(row, writer); await insert.ExecuteNonQueryAsync(cancellationToken); });
        }
    }

    /// <summary>Writes one row's values to whichever bulk path is in use.</summary>
    private sealed class RowWriter
    {
        private readonly NpgsqlBinaryImporter? _copy;
        private readonly DbParameter[]? _parameters;

        public RowWriter(NpgsqlBinaryImporter copy) => _copy = copy;
        public RowWriter(DbParameter[] parameters) => _parameters = parameters;

        public void Values(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (_copy is not null)
                {
                    switch (values[i])
                    {
                        case null: _copy.WriteNull(); break;
                        case int number: _copy.Write(number, NpgsqlDbType.Integer); break;
                        case bool flag: _copy.Write(flag, NpgsqlDbType.Boolean); break;
                        case double number: _copy.Write(number, NpgsqlDbType.Double); break;
                        case DateOnly date: _copy.Write(date, NpgsqlDbType.Date); break;
                        case string text: _copy.Write(text, NpgsqlDbType.Varchar); break;
                        default: throw new ArgumentException($"No bulk mapping for {values[i]!.GetType()}");
                    }
                }
                else
                {
                    // SQLite keeps dates as the same text EF writes: yyyy-MM-dd.
                    _parameters![i].Value = values[i] switch
                    {
                        null => DBNull.Value,
                        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        var value => value,
                    };
                }
            }
        }
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
