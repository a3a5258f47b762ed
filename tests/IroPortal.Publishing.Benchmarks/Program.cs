using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using IroPortal.Publishing.Models;
using IroPortal.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

// The public report page (from the output cache, through the whole portal pipeline) against the same bytes served
// as a static file by the same Kestrel server, each driven by wrk from another process; and the same page with the
// output cache off (a second server whose cache stores nothing), so the cache's worth stays visible. Prints requests
// per second, the cached page's ratio to the static file against the aim of 0.9, p50 and p99 latency, and peak memory.
//   dotnet run -c Release --project tests/IroPortal.Publishing.Benchmarks [-- --seconds 10 --connections 32]
var seconds = Option("--seconds", 10);
var connections = Option("--connections", 32);
const double Aim = 0.9;
if (!File.Exists("/usr/bin/wrk") && FindOnPath("wrk") is null)
{
    Console.Error.WriteLine("wrk is not installed. Install it from Debian's packages: apt-get install wrk");
    return 2;
}

var staticDirectory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"iroportal-static-{Guid.NewGuid():N}")).FullName;
await using var portal = new PortalApp(settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" });
var app = portal.WithWebHostBuilder(b => b.UseContentRoot(WebProjectDirectory())
    .ConfigureServices(s => s.AddSingleton<IStartupFilter>(new StaticCopy(staticDirectory))));
app.UseKestrel(0);
app.StartServer();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::1]", "127.0.0.1").Replace("localhost", "127.0.0.1");
int year;
using (var scope = app.Services.CreateScope())
    year = await scope.ServiceProvider.GetRequiredService<IroPortal.Data.PortalDbContext>().Set<Release>().Where(r => r.Audience == Audience.Public).Select(r => r.YearStart).FirstAsync();

using var http = new HttpClient { BaseAddress = new Uri(address) };
var page = await http.GetByteArrayAsync($"/reports/{year}");
await File.WriteAllBytesAsync(Path.Combine(staticDirectory, "report.html"), page);
var copy = await http.GetByteArrayAsync("/static-copy/report.html");
if (!copy.SequenceEqual(page)) throw new InvalidOperationException("The static copy differs from the page.");
Console.WriteLine($"Public report {year}: {page.Length:N0} bytes; wrk {seconds} s, {connections} connections, 2 threads, after a 3 s warm-up each.");

var dynamicRun = await Wrk($"{address}/reports/{year}");
var staticRun = await Wrk($"{address}/static-copy/report.html");
await app.DisposeAsync();

// The same portal and data, with an output cache that keeps nothing: every request renders the page.
await using var uncachedPortal = new PortalApp(settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" });
var uncached = uncachedPortal.WithWebHostBuilder(b => b.UseContentRoot(WebProjectDirectory())
    .ConfigureServices(s => s.PostConfigure<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>(o => o.MaximumBodySize = 1)));
uncached.UseKestrel(0);
uncached.StartServer();
var uncachedAddress = uncached.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::1]", "127.0.0.1").Replace("localhost", "127.0.0.1");
var uncachedRun = await Wrk($"{uncachedAddress}/reports/{year}");
var ratio = dynamicRun.RequestsPerSecond / staticRun.RequestsPerSecond;
Console.WriteLine();
Console.WriteLine($"{"",-22}{"requests/s",12}{"p50",10}{"p99",10}");
Console.WriteLine($"{"report page",-22}{dynamicRun.RequestsPerSecond,12:N0}{dynamicRun.P50,10}{dynamicRun.P99,10}");
Console.WriteLine($"{"static file",-22}{staticRun.RequestsPerSecond,12:N0}{staticRun.P50,10}{staticRun.P99,10}");
Console.WriteLine($"{"page, cache off",-22}{uncachedRun.RequestsPerSecond,12:N0}{uncachedRun.P50,10}{uncachedRun.P99,10}");
Console.WriteLine($"ratio {ratio:0.00} (aim: at least {Aim:0.0}) {(ratio >= Aim ? "met" : "NOT met")}; the cache serves {dynamicRun.RequestsPerSecond / uncachedRun.RequestsPerSecond:0.0} times the pages of rendering each");
Console.WriteLine($"peak memory of the server process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB");
Directory.Delete(staticDirectory, true);
return 0;

async Task<WrkResult> Wrk(string url)
{
    await RunWrk(url, 3); // warm-up: JIT, output cache, connection pools
    var output = await RunWrk(url, seconds);
    double Get(string pattern) => double.Parse(Regex.Match(output, pattern, RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);
    string Latency(string percent) => Regex.Match(output, $@"^\s*{percent}%\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;
    if (Regex.IsMatch(output, @"Non-2xx or 3xx responses")) throw new InvalidOperationException("wrk saw errors:\n" + output);
    return new WrkResult(Get(@"^Requests/sec:\s+([\d.]+)"), Latency("50"), Latency("99"));
}

async Task<string> RunWrk(string url, int duration)
{
    var start = new ProcessStartInfo("wrk", $"-t2 -c{connections} -d{duration}s --latency {url}") { RedirectStandardOutput = true, RedirectStandardError = true };
    using var process = Process.Start(start)!;
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    return output;
}

int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);

// An executable, not a test project, so the test host's content-root lookup does not apply: point it at the host project.
static string WebProjectDirectory()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "IroPortal.sln"))) return Path.Combine(dir.FullName, "src", "IroPortal.Web");
    throw new InvalidOperationException("Run the benchmark from the repository: IroPortal.sln was not found above it.");
}

static string? FindOnPath(string program) =>
    (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

sealed record WrkResult(double RequestsPerSecond, string P50, string P99);

/// <summary>Serves the saved copy first in the pipeline, as a plain static file.</summary>
sealed class StaticCopy(string directory) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(directory), RequestPath = "/static-copy" });
        next(app);
    };
}
