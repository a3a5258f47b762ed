using System.Diagnostics;
using System.Net;
using IroPortal.Modularity;
using IroPortal.Notifications.Services;
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
            // From the 8th message on, the server holds every message between DATA and its answer, so nothing held has
            // been accepted. Once every message a node has claimed is held there (none is between the server's 250 and
            // the node marking it sent, which no sender can make safe), kill the node that claimed one.
            var killed = new TaskCompletionSource<string>();
            var release = new TaskCompletionSource();
            var held = 0;
            sink.OnData = async number =>
            {
                if (number < 8) return;
                Interlocked.Increment(ref held);
                if (number > 8) { await release.Task; return; }
                const string claimed = """from "Notifications_Outbox" where "Status" = 0 and "LockedBy" is not null""";
                while (await Scalar<long>(database, $"select count(*) {claimed}") != Volatile.Read(ref held)) await Task.Delay(20);
                var sender = await Scalar<string>(database, $"""select "LockedBy" {claimed} limit 1""");
                nodes[sender].Kill();
                killed.SetResult(sender);
                release.SetResult();
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

    private const int TakeOverAfterSeconds = 10;

    /// <summary>
    /// The case the Quartz version lost: a once-a-day reminder job whose node is killed 100 ms into its run. Hangfire
    /// keeps the firing in the queue until a node finishes it; the dead node stops telling the database it is working
    /// on it, and the survivor takes it over within the stated time, the same day.
    /// </summary>
    [Fact]
    public async Task A_once_a_day_reminder_job_killed_100_ms_into_its_run_is_finished_by_the_survivor_the_same_day()
    {
        var database = PostgresServer.Instance.CreateDatabase();
        await using var sink = new SmtpSink();
        var nodes = new Dictionary<string, Node>();
        try
        {
            // Today's reminders: enough milestones that the run takes a few seconds, so the kill lands inside it.
            var today = UkTime.Today(TimeProvider.System);
            // Once a day, at a second far enough ahead for both nodes to be up (UK time, as the schedule is read).
            var at = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddSeconds(45), UkTime.Zone);
            var daily = new Dictionary<string, string?>
            {
                ["Scheduler:Schedules:notifications.timetable"] = $"{at.Second} {at.Minute} {at.Hour} * * *",
                ["Scheduler:Schedules:notifications.outbox"] = "*/2 * * * * *",
            };
            nodes["node-a"] = await Node.StartAsync("node-a", database, sink, output, daily);
            nodes["node-b"] = await Node.StartAsync("node-b", database, sink, output, daily);
            for (var i = 1; i <= 30; i++)
                await Execute(database, $"""
                    insert into "Notifications_Milestones" ("Id", "Title", "Date", "Roles", "RemindDaysBefore", "CreatedBy", "CreatedUtc")
                    values ('{Guid.NewGuid()}', 'Milestone {i}', '{today:yyyy-MM-dd}', 'IRO manager|IRO|Board member|Senior manager', 0, 'test', now())
                    """);
            var people = await Scalar<long>(database, """
                select count(distinct ur."UserId") from "Users_UserRoles" ur join "Users_Roles" r on r."Id" = ur."RoleId"
                join "Users_Users" u on u."Id" = ur."UserId"
                where r."Name" in ('IRO manager', 'IRO', 'Board member', 'Senior manager') and not u."IsDisabled"
                """);
            var expected = (int)people * 30;

            // Kill the node that took the firing 100 ms after it started the run.
            string? victim = null;
            var watchUntil = DateTime.UtcNow.AddSeconds(90);
            while (victim is null && DateTime.UtcNow < watchUntil)
            {
                victim = await Scalar<string?>(database, """select "Node" from "Notifications_JobRuns" where "JobKey" = 'notifications.timetable' limit 1""");
                if (victim is null) await Task.Delay(20);
            }
            Assert.NotNull(victim);
            await Task.Delay(100);
            nodes[victim].Kill();
            var killedAt = DateTime.UtcNow;
            var deliveredByVictim = await Scalar<long>(database, """select count(*) from "Notifications_Notifications" where "RuleKey" = 'notifications.timetable'""");
            var survivor = nodes.Keys.Single(k => k != victim);
            output.WriteLine($"Killed {victim} 100 ms into the daily run, with {deliveredByVictim} of {expected} reminders written; {survivor} carries on.");

            var finishBy = killedAt.AddSeconds(TakeOverAfterSeconds + 60);
            while (await Scalar<long>(database, """select count(*) from "Notifications_JobRuns" where "JobKey" = 'notifications.timetable' and "Succeeded" """) == 0
                   && DateTime.UtcNow < finishBy)
                await Task.Delay(250);
            var finished = await Scalar<DateTime?>(database, """select max("FinishedUtc") from "Notifications_JobRuns" where "JobKey" = 'notifications.timetable' and "Succeeded" """);
            Assert.NotNull(finished);
            output.WriteLine($"{survivor} finished the run {(finished.Value - killedAt).TotalSeconds:0.0} s after the kill (stated: within {TakeOverAfterSeconds} s of the node stopping, plus the run).");
            Assert.Equal(today, UkTime.DateOf(finished.Value));
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (sink.Received.Count(m => m.Readable.Contains("Milestone ", StringComparison.Ordinal)) < expected && DateTime.UtcNow < deadline) await Task.Delay(250);
            await Task.Delay(TimeSpan.FromSeconds(3)); // anything sent twice would arrive now

            // The demo's other rules may send on their own schedules meanwhile: count the milestones' reminders.
            var ids = sink.Received.Where(m => m.Readable.Contains("Milestone ", StringComparison.Ordinal)).Select(m => m.MessageId).ToList();
            output.WriteLine($"{expected} reminders due, {ids.Count} emails received, {ids.Distinct().Count()} distinct.");
            Assert.Equal(expected, await Scalar<long>(database, """select count(*) from "Notifications_Notifications" where "RuleKey" = 'notifications.timetable'"""));
            Assert.Equal(expected, ids.Count);
            Assert.Equal(expected, ids.Distinct().Count());
            // One firing: the killed node's run and the survivor's carry the same Hangfire job id.
            Assert.Equal(1L, await Scalar<long>(database, """select count(distinct "JobId") from "Notifications_JobRuns" where "JobKey" = 'notifications.timetable'"""));
            Assert.Equal(survivor, await Scalar<string>(database, """select "Node" from "Notifications_JobRuns" where "JobKey" = 'notifications.timetable' and "Succeeded" """));
            // The jobs page says what became of the abandoned run.
            var page = await nodes[survivor].AdminPageAsync("/admin/jobs");
            Assert.Contains("Runs abandoned when their node stopped", page);
            Assert.Contains($"{survivor} took it over at", page);
        }
        finally
        {
            foreach (var node in nodes.Values) node.Kill();
        }
    }

    /// <summary>How fast a backlog of email drains with one node and with two: the nodes share the sending.</summary>
    [Fact]
    public async Task An_outbox_backlog_drains_about_twice_as_fast_with_two_nodes_as_with_one()
    {
        const int backlog = 600;
        async Task<double> RatePerSecond(int nodeCount)
        {
            var database = PostgresServer.Instance.CreateDatabase();
            // Each message takes the server 100 ms to accept, as a busy relay across a network does: the sending, not this
            // machine's two cores, is what more nodes share.
            await using var sink = new SmtpSink { DataDelay = TimeSpan.FromMilliseconds(100) };
            var nodes = new List<Node>();
            try
            {
                var quiet = new Dictionary<string, string?> { ["Scheduler:Schedules:notifications.outbox"] = CronText.Never };
                for (var i = 0; i < nodeCount; i++) nodes.Add(await Node.StartAsync($"rate-{nodeCount}-{i}", database, sink, output, quiet));
                await Execute(database, $"""
                    insert into "Notifications_Outbox" ("Id", "IdempotencyKey", "ToAddress", "ToName", "Subject", "TextBody", "HtmlBody", "CreatedUtc", "Status", "Attempts", "NextAttemptUtc")
                    select gen_random_uuid(), 'backlog|' || n, 'person' || n || '@example.org', 'Person ' || n, 'Backlog ' || n, 'Text', '<p>HTML</p>', now(), 0, 0, now() - interval '1 minute'
                    from generate_series(1, {backlog}) n
                    """);
                var started = System.Diagnostics.Stopwatch.StartNew();
                await nodes[0].RunJobNowAsync("notifications.outbox");
                var deadline = TimeSpan.FromSeconds(180);
                while (await Scalar<long>(database, """select count(*) from "Notifications_Outbox" where "Status" = 1 and "IdempotencyKey" like 'backlog|%'""") < backlog
                       && started.Elapsed < deadline)
                    await Task.Delay(100);
                var seconds = started.Elapsed.TotalSeconds;
                Assert.Equal(backlog, await Scalar<long>(database, """select count(*) from "Notifications_Outbox" where "Status" = 1 and "IdempotencyKey" like 'backlog|%'"""));
                await Task.Delay(1000);
                Assert.Equal(backlog, sink.Received.Count(m => m.Subject?.StartsWith("Backlog ", StringComparison.Ordinal) == true)); // none twice
                return backlog / seconds;
            }
            finally
            {
                foreach (var node in nodes) node.Kill();
            }
        }

        var one = await RatePerSecond(1);
        var two = await RatePerSecond(2);
        output.WriteLine($"Outbox backlog of {backlog}: one node {one:0} emails a second, two nodes {two:0} emails a second; ratio {two / one:0.00} (limit: at least 1.50).");
        Assert.True(two / one >= 1.5, $"two nodes sent {two:0}/s against one node's {one:0}/s");
    }

    private static async Task<T> Scalar<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
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
        private readonly int _port;
        private Node(Process process, int port) => (_process, _port) = (process, port);

        /// <summary>A page as the demo administrator sees it on this node.</summary>
        public async Task<string> AdminPageAsync(string path)
        {
            var (client, _) = await AdminAsync();
            return await client.GetStringAsync(path);
        }

        /// <summary>"Run now" on the jobs page, as the administrator would.</summary>
        public async Task RunJobNowAsync(string key)
        {
            var (client, _) = await AdminAsync();
            var response = await client.PostFormAsync($"/admin/jobs/{key}/run", new(), "/admin/jobs");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        private async Task<(HttpClient, CookieContainer)> AdminAsync()
        {
            var cookies = new CookieContainer();
            var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };
            var signIn = await client.PostFormAsync("/account/sign-in", new() { ["Email"] = "admin@northmoor.example", ["Password"] = PortalApp.DemoPassword });
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            return (client, cookies);
        }

        public static async Task<Node> StartAsync(string name, string database, SmtpSink sink, ITestOutputHelper output, Dictionary<string, string?>? more = null)
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
                ["Security__CookiesRequireHttps"] = "false", // plain HTTP on loopback, for the administrator's pages
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
            foreach (var (key, value) in more ?? []) settings[key.Replace(":", "__")] = value;
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
                    if ((await http.GetAsync($"http://127.0.0.1:{port}/health")).StatusCode == HttpStatusCode.OK) return new Node(process, port);
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
