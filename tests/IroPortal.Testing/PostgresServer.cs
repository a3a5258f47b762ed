using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace IroPortal.Testing;

/// <summary>
/// A real PostgreSQL server for the test run: initdb and pg_ctl on a free loopback port, in a temporary
/// folder, stopped and deleted when the run ends. IROPORTAL_TEST_POSTGRES may name a server to use instead.
/// One per test assembly; each test gets its own database.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private static readonly Lazy<PostgresServer> Shared = new(() => new PostgresServer(), LazyThreadSafetyMode.ExecutionAndPublication);
    public static PostgresServer Instance => Shared.Value;

    private readonly string? _dataDirectory;
    private readonly string? _binDirectory;
    private readonly bool _asPostgresUser;
    private readonly string _adminConnectionString;

    private PostgresServer()
    {
        if (Environment.GetEnvironmentVariable("IROPORTAL_TEST_POSTGRES") is { Length: > 0 } external)
        {
            _adminConnectionString = external;
            return;
        }
        _binDirectory = FindBinaries();
        _asPostgresUser = Environment.UserName == "root"; // initdb refuses to run as root
        _dataDirectory = Path.Combine(Path.GetTempPath(), $"iroportal-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dataDirectory);
        if (_asPostgresUser) Run("chown", $"postgres \"{_dataDirectory}\"", asPostgres: false);

        var port = FreePort();
        Run(Path.Combine(_binDirectory, "initdb"), $"-D \"{_dataDirectory}/data\" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8");
        Run(Path.Combine(_binDirectory, "pg_ctl"),
            $"-D \"{_dataDirectory}/data\" -l \"{_dataDirectory}/server.log\" -w -t 60 " +
            $"-o \"-p {port} -k {_dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start");
        _adminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    /// <summary>A new, empty database; its connection string.</summary>
    public string CreateDatabase()
    {
        var name = $"iroportal_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public void Dispose()
    {
        if (_dataDirectory is null || !Directory.Exists(_dataDirectory)) return;
        try { Run(Path.Combine(_binDirectory!, "pg_ctl"), $"-D \"{_dataDirectory}/data\" -m immediate -w stop"); }
        catch (InvalidOperationException) { /* already stopped */ }
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static string FindBinaries()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("PG_BIN") }
            .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")) : [])
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'));
        return candidates.FirstOrDefault(d => !string.IsNullOrEmpty(d) && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException("PostgreSQL server binaries (initdb, pg_ctl) were not found. Install postgresql (apt-get install postgresql), set PG_BIN to their folder, or set IROPORTAL_TEST_POSTGRES to a server's connection string. .ci/run installs them.");
    }

    /// <summary>A loopback port nothing is listening on.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Run(string file, string arguments, bool? asPostgres = null)
    {
        var start = (asPostgres ?? _asPostgresUser)
            ? new ProcessStartInfo("runuser", $"-u postgres -- \"{file}\" {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000) || process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({(process.HasExited ? process.ExitCode : "timed out")}): {output.Result}{error.Result}");
    }
}
