using System.Diagnostics;
using System.Net;
using IroPortal.Modularity;
using Npgsql;
using Xunit.Abstractions;

namespace IroPortal.Notifications.Tests;

/// <summary>
/// Two instances of the portal, as separate processes, on one PostgreSQL database, sending to a real SMTP
/// listener. One is killed while it is in the middle of sending a message. Every reminder arrives, and
/// none arrives twice.
/// </summary>
public sealed class TwoNodeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_nodes_send_every_reminder_exactly_once_when_one_is_killed_mid_send()
    {
        var database = PostgresServer.Instance.CreateDatabase();
        await using var sink = new SmtpSink { DataDelay = TimeSpan.FromMilliseconds(100) };
        var nodes = new Dictionary<string, Node>();
        try
        {
            nodes["node-a"] = await Node.StartAsync("node-a", database, sink, output); // migrates and seeds the demo
            nodes["node-b"] = await Node.StartAsync("node-b", database, sink, output);
            // Kill whichever node is sending the 8th message, while the server holds it between DATA and its answer.
            var killed = new TaskCompletionSource<string>();
            sink.OnData = async number =>
            {
                if (number != 8) return;
                var sender = await Scalar<string>(database, """select "LockedBy" from "Notifications_Outbox" where "Status" = 0 and "LockedBy" is not null limit 1""");
                nodes[sender].Kill();
                killed.SetResult(sender);
            };

            // Reminders for today: four milestones, each reminding everyone in four roles.
            var today = UkTime.Today(TimeProvider.System);
            var people = await Scalar<long>(database, """
                select count(distinct ur."UserId") from "Users_UserRoles" ur join "Users_Roles" r on r."Id" = ur."RoleId"
                join "Users_Users" u on u."Id" = ur."UserId"
                where r."Name" in ('IRO manager', 'IRO', 'Board member', 'Senior manager') and not u."IsDisabled"
                """);
            for (var i = 1; i <= 4; i++)
                await Execute(database, $"""
                    insert into "Notifications_Milestones" ("Id", "Title", "Date", "Roles", "RemindDaysBefore", "CreatedBy", "CreatedUtc")
                    values ('{Guid.NewGuid()}', 'Milestone {i}', '{today:yyyy-MM-dd}', 'IRO manager|IRO|Board member|Senior manager', 0, 'test', now())
                    """);
            var expected = (int)people * 4;
            Assert.True(expected >= 20, $"expected at least 20 reminders, the demo gives {expected}");

            var victim = await killed.Task.WaitAsync(TimeSpan.FromSeconds(90));
            var survivor = nodes.Keys.Single(k => k != victim);
            output.WriteLine($"Killed {victim} mid-send; {survivor} carries on.");
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (sink.Received.Count < expected && DateTime.UtcNow < deadline) await Task.Delay(250);
            await Task.Delay(TimeSpan.FromSeconds(3)); // anything sent twice would arrive now

            var ids = sink.Received.Select(m => m.MessageId).ToList();
            output.WriteLine($"{expected} reminders due, {sink.Received.Count} messages received, {ids.Distinct().Count()} distinct.");
            Assert.Equal(expected, await Scalar<long>(database, """select count(*) from "Notifications_Notifications" """));
            Assert.Equal(expected, sink.Received.Count);
            Assert.Equal(expected, ids.Distinct().Count());
            Assert.Equal(expected, await Scalar<long>(database, """select count(*) from "Notifications_Outbox" where "Status" = 1"""));
            // The survivor finished what the killed node had started.
            Assert.True(await Scalar<long>(database, $"""select count(*) from "Notifications_JobRuns" where "JobKey" = 'notifications.outbox' and "Node" = '{survivor}' and "Succeeded" """) > 0);
        }
        finally
        {
            foreach (var node in nodes.Values) node.Kill();
        }
    }

    private static async Task<T> Scalar<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The portal as its own process (the same build the tests run), on a free port.</summary>
    private sealed class Node
    {
        private readonly Process _process;
        private Node(Process process) => _process = process;

        public static async Task<Node> StartAsync(string name, string database, SmtpSink sink, ITestOutputHelper output)
        {
            var port = PostgresServer.FreePort();
            var folder = Directory.CreateDirectory(Path.Combine(TestPaths.Scratch, $"{name}-{Guid.NewGuid():N}")).FullName;
            var start = new ProcessStartInfo("dotnet", [WebHost(), "--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var settings = new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["Database__Provider"] = "PostgreSQL",
                ["Database__ConnectionString"] = database,
                ["Demo__Enabled"] = "true",
                ["Security__RequireTwoFactor"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Scheduler__NodeName"] = name,
                ["Scheduler__PollIntervalSeconds"] = "1",
                ["Scheduler__TakeOverAfterSeconds"] = "10",
                ["Scheduler__Schedules__notifications.timetable"] = "0/2 * * * * *",
                ["Scheduler__Schedules__notifications.outbox"] = "* * * * * *",
                ["Notifications__Outbox__LeaseSeconds"] = "8",
                ["Email__Smtp__TimeoutSeconds"] = "5",
            };
            foreach (var (key, value) in sink.Settings()) settings[key.Replace(":", "__")] = value;
            foreach (var (key, value) in settings) start.Environment[key] = value;

            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => { if (e.Data is { } line) Log(output, $"[{name}] {line}"); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Log(output, $"[{name}] {line}"); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var http = new HttpClient();
            for (var i = 0; i < 240; i++)
            {
                if (process.HasExited) throw new InvalidOperationException($"{name} stopped as it started (exit code {process.ExitCode}).");
                try
                {
                    if ((await http.GetAsync($"http://127.0.0.1:{port}/health")).StatusCode == HttpStatusCode.OK) return new Node(process);
                }
                catch (HttpRequestException) { }
                await Task.Delay(250);
            }
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{name} did not answer /health within a minute.");
        }

        public void Kill()
        {
            if (!_process.HasExited) { _process.Kill(entireProcessTree: true); _process.WaitForExit(10_000); }
        }

        private static void Log(ITestOutputHelper output, string line)
        {
            try { output.WriteLine(line); } catch (InvalidOperationException) { /* the test has finished */ }
        }

        /// <summary>The portal's own build output, of the configuration these tests were built in (the tests'
        /// folder holds test assemblies the module loader would try to load).</summary>
        private static string WebHost()
        {
            var binary = new DirectoryInfo(AppContext.BaseDirectory); // tests/X/bin/Debug/net10.0/
            var configuration = binary.Parent!.Name;
            var root = binary;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "IroPortal.sln"))) root = root.Parent;
            var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + binary.FullName),
                "src", "IroPortal.Web", "bin", configuration, binary.Name, "IroPortal.Web.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the portal first: " + path);
        }
    }
}
