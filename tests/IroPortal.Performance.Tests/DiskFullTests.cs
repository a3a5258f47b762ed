using System.Diagnostics;
using System.Net;
using IroPortal.Modularity;
using IroPortal.Performance.Models;
using IroPortal.Performance.Services;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static IroPortal.Performance.Tests.Data;

namespace IroPortal.Performance.Tests;

/// <summary>An import that fills the disk, made for real: the SQLite database on a small tmpfs, nearly filled.</summary>
public sealed class DiskFullTests
{
    private static void Run(string command, string arguments)
    {
        var root = Environment.UserName == "root";
        using var process = Process.Start(new ProcessStartInfo(root ? command : "sudo", root ? arguments : $"-n {command} {arguments}") { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{command} {arguments} failed: {process.StandardError.ReadToEnd()} (the test mounts a small tmpfs: it needs root or sudo without a password)");
    }

    [Fact]
    public async Task An_import_that_fills_the_disk_changes_nothing_health_says_so_and_once_space_returns_it_is_cleaned_up_and_marked_failed()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"iroportal-full-{Guid.NewGuid():N}")).FullName;
        Run("mount", $"-t tmpfs -o size=16m tmpfs {folder}");
        try
        {
            await using (var app = new PortalApp(settings: new Dictionary<string, string?>
            {
                ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "portal.db")}",
                ["Database:MinimumFreeMegabytes"] = "2",
                ["Demo:Enabled"] = "false",
            }))
            {
                var client = app.NewClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

                // Leave about a megabyte: less than the return needs, and less than /health wants free.
                var filler = Path.Combine(folder, "filler");
                await using (var fill = File.Create(filler))
                {
                    // Written, not set: a tmpfs keeps a file that is only sized as holes, which take no space.
                    var block = new byte[64 * 1024];
                    for (var left = new DriveInfo(folder).AvailableFreeSpace - 1024 * 1024; left > 0; left -= block.Length)
                        await fill.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, left)));
                }
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);

                var ids = Enumerable.Range(100000, 20000).Select(i => i.ToString()).ToList();
                SourceFile[] files =
                [
                    Header([.. ids.Select(id => Child(id, "01/05/2015"))]),
                    Episodes([.. ids.Select(id => Episode(id, "01/06/2025"))]),
                    Reviews([.. ids.Select(id => Review(id, "01/05/2015", "20/06/2025", "PN1"))]),
                ];
                var importId = await app.InScope<ImportService, Guid>(async imports =>
                {
                    var import = await imports.QueueAsync(2025, files, "Test", null);
                    var failed = await Record.ExceptionAsync(() => imports.RunAsync(import.Id, files));
                    Assert.True(failed is not null && ImportService.IsDiskFull(failed), $"The import did not stop on a full disk: {failed}");
                    return import.Id;
                });

                // Space returns; the clean-up lands (the worker retries every few seconds; here at once).
                File.Delete(filler);
                await app.InScope<ImportService, bool>(async imports => { await imports.RetryCleanupsAsync(); return true; });
                var import = await app.InDatabase(db => db.Set<ReturnImport>().SingleAsync(i => i.Id == importId));
                Assert.Equal(ImportState.Failed, import.State);
                Assert.Contains("disk is full", import.Failure);
                Assert.Equal(0, await app.InDatabase(db => db.Set<CareChild>().CountAsync()));
                Assert.Equal(0, await app.InDatabase(db => db.Set<CareEpisode>().CountAsync()));
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Run("umount", $"-l {folder}");
            Directory.Delete(folder);
        }
    }
}
