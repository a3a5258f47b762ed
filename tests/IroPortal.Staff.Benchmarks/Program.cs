using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using IroPortal.AnnualReport.Services;
using IroPortal.Modularity;
using IroPortal.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

// The staff pages a manager uses most, through the whole portal (in-process server, the demo's SQLite database):
// signing in, each main page, and saving a report section (the post and the page it returns to). Each is timed
// after one untimed visit; prints the median and 95th percentile of each against the aim of 300 ms.
//   dotnet run -c Release --project tests/IroPortal.Staff.Benchmarks [-- --runs 20]
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(20);
const double LimitMs = 300;

await using var portal = new PortalApp(settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" });
var app = portal.WithWebHostBuilder(b => b.UseContentRoot(WebProjectDirectory()));
var manager = await SignIn();
var year = ReportingYear.Containing(UkTime.Today(TimeProvider.System)) - 1;
Guid section;
using (var scope = app.Services.CreateScope())
    section = (await scope.ServiceProvider.GetRequiredService<ReportService>().FindAsync(year))!.Sections.First(s => s.Key == "summary").Id;
var sectionPage = $"/annual-report/{year}/sections/{section}";

var results = new List<(string Name, double Median, double P95)>();
// Sign-in attempts are limited per address and minute, so fewer of them are timed.
results.Add(await Time("sign in (form and post)", Math.Min(runs, 8), async () => { await SignIn(); }));
foreach (var (name, path) in new[]
{
    ("home", "/staff"), ("QA compliance board", "/qa"), ("observations and audits", "/qa/records"), ("feedback", "/qa/feedback"),
    ("annual reports", "/annual-report"), ("the report", $"/annual-report/{year}"), ("the report to read", $"/annual-report/{year}/read"),
    ("a section to edit", sectionPage), ("contribution rounds", "/contributions"), ("reminders", "/reminders"),
    ("report timetable", "/reminders/timetable"), ("review data", "/performance"), ("early warning", "/performance/watch"),
    ("publishing", "/publishing"), ("board papers", "/board"), ("disputes", "/disputes"), ("notifications", "/notifications"),
})
    results.Add(await Time(name, runs, () => Get(path)));

var revision = new Regex("name=\"revision\" value=\"(\\d+)\"");
results.Add(await Timed("save a section", runs, async () =>
{
    var page = await manager.GetStringAsync(sectionPage); // untimed part: the page the manager already has open
    var clock = Stopwatch.StartNew();
    var saved = await manager.SubmitAsync(sectionPage, page, new()
    {
        ["body"] = $"Saved by the benchmark at {DateTime.UtcNow:O}.", ["revision"] = revision.Match(page).Groups[1].Value,
    });
    if (saved.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Saving answered {(int)saved.StatusCode}");
    await Get(saved.Headers.Location!.OriginalString);
    return clock.Elapsed;
}));

Console.WriteLine($"Staff pages as the IRO manager, demo data on SQLite; {runs} runs each after one untimed (sign-in: {Math.Min(runs, 8)}).");
Console.WriteLine($"{"",-28}{"median ms",10}{"p95 ms",10}");
foreach (var (name, median, p95) in results)
    Console.WriteLine($"{name,-28}{median,10:0.0}{p95,10:0.0}{(p95 <= LimitMs ? "" : "  over " + LimitMs + " ms")}");
var worst = results.MaxBy(r => r.P95);
Console.WriteLine($"slowest p95: {worst.Name}, {worst.P95:0} ms, {worst.P95 / LimitMs:0.00} of the {LimitMs:0} ms aim: {(worst.P95 <= LimitMs ? "met" : "NOT met")}");
Console.WriteLine($"peak memory: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB");
return 0;

async Task<HttpClient> SignIn()
{
    var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
    var response = await client.PostFormAsync("/account/sign-in", new() { ["Email"] = Reports.Manager, ["Password"] = PortalApp.DemoPassword });
    if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Signing in answered {(int)response.StatusCode}");
    return client;
}

async Task Get(string path)
{
    var response = await manager.GetAsync(path);
    if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
    await response.Content.ReadAsByteArrayAsync();
}

static async Task<(string, double, double)> Time(string name, int runs, Func<Task> visit) =>
    await Timed(name, runs, async () => { var clock = Stopwatch.StartNew(); await visit(); return clock.Elapsed; });

static async Task<(string, double, double)> Timed(string name, int runs, Func<Task<TimeSpan>> visit)
{
    await visit();
    var times = new List<double>();
    for (var i = 0; i < runs; i++) times.Add((await visit()).TotalMilliseconds);
    times.Sort();
    return (name, times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)]);
}

// An executable, not a test project, so the test host's content-root lookup does not apply: point it at the host project.
static string WebProjectDirectory()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "IroPortal.sln"))) return Path.Combine(dir.FullName, "src", "IroPortal.Web");
    throw new InvalidOperationException("Run the benchmark from the repository: IroPortal.sln was not found above it.");
}
