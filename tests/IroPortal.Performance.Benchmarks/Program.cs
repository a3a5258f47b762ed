// The SSDA903 import, measured against reading the same file raw, in one run:
//   dotnet run -c Release --project tests/IroPortal.Performance.Benchmarks [-- --reviews 100000]
// Each scenario runs in a process of its own, so its peak memory is its own. Ratio = raw read time / import
// time: the aim is at least 0.5 (the import costs no more than twice the raw read).
using System.Diagnostics;
using System.Globalization;
using System.Text;
using IroPortal.Data;
using IroPortal.Performance.Services;
using IroPortal.Testing;
using Microsoft.Extensions.DependencyInjection;
using OfficeOpenXml;

var reviews = args.SkipWhile(a => a != "--reviews").Skip(1).Select(int.Parse).FirstOrDefault(100_000);
var folder = Path.Combine(Path.GetTempPath(), $"iroportal-bench-{reviews}");

if (args.FirstOrDefault() == "scenario")
    return await Scenario.RunAsync(args[1], args[2], folder);

Directory.CreateDirectory(folder);
Console.WriteLine($"Writing a return with {reviews:N0} review rows to {folder}");
Generator.Write(folder, reviews);
Console.WriteLine($"{"scenario",-22}{"rows",10}{"import s",10}{"check s",9}{"rows/s",10}{"peak MB",9}{"raw read s",12}{"ratio",8}");
foreach (var format in new[] { "csv", "xlsx" })
    foreach (var provider in new[] { "Sqlite", "PostgreSQL" })
    {
        // This program again: through dotnet when started as "dotnet X.dll", else its own executable.
        string[] self = Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet" ? [typeof(Generator).Assembly.Location] : [];
        var start = new ProcessStartInfo(Environment.ProcessPath!, [.. self, "scenario", format, provider, "--reviews", reviews.ToString(CultureInfo.InvariantCulture)])
        { RedirectStandardOutput = true };
        using var child = Process.Start(start)!;
        Console.Write(await child.StandardOutput.ReadToEndAsync());
        await child.WaitForExitAsync();
        if (child.ExitCode != 0) return child.ExitCode;
    }
return 0;

internal static class Scenario
{
    public static async Task<int> RunAsync(string format, string provider, string folder)
    {
        var files = format == "csv"
            ? Directory.GetFiles(folder, "*.csv").Order().Select(f => new SourceFile(Path.GetFileName(f), File.ReadAllBytes(f))).ToList()
            : [new SourceFile("return.xlsx", File.ReadAllBytes(Path.Combine(folder, "return.xlsx")))];

        // The raw read: the same bytes parsed with no checks and no database.
        var raw = Stopwatch.StartNew();
        var cells = format == "csv" ? RawCsv(files) : RawXlsx(files[0]);
        raw.Stop();

        // The portal's content root, which WebApplicationFactory finds by itself only from a test project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_IROPORTAL_WEB", WebProjectFolder());
        await using var app = new PortalApp(Enum.Parse<DatabaseProvider>(provider), new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false", ["Logging:LogLevel:Default"] = "None", ["Logging:LogLevel:Microsoft.AspNetCore"] = "None",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
        });
        using var scope = app.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<ImportService>();
        var import = await service.QueueAsync(2025, files, "benchmark", null);
        var timer = Stopwatch.StartNew();
        await service.RunAsync(import.Id, files);
        timer.Stop();
        // How much of the import is reading and checking every row (the rest is writing and swapping in).
        var check = Stopwatch.StartNew();
        var rows = service.Check(files, 2025).RowCount;
        check.Stop();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        Console.WriteLine($"{format + " on " + provider,-22}{rows,10:N0}{timer.Elapsed.TotalSeconds,10:0.00}{check.Elapsed.TotalSeconds,9:0.00}{rows / timer.Elapsed.TotalSeconds,10:N0}{peak,9:0}{raw.Elapsed.TotalSeconds,12:0.00}{raw.Elapsed / timer.Elapsed,8:0.00}  ({cells:N0} cells read raw)");
        return 0;
    }

    private static string WebProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "src", "IroPortal.Web")))
                return Path.Combine(dir.FullName, "src", "IroPortal.Web");
        throw new DirectoryNotFoundException("src/IroPortal.Web was not found above the benchmark's folder.");
    }

    private static long RawCsv(IEnumerable<SourceFile> files)
    {
        long cells = 0;
        foreach (var file in files)
            foreach (var line in Encoding.UTF8.GetString(file.Content).Split('\n'))
                cells += line.Split(',').Length;
        return cells;
    }

    private static long RawXlsx(SourceFile file)
    {
        using var package = new ExcelPackage(new MemoryStream(file.Content));
        long cells = 0;
        foreach (var sheet in package.Workbook.Worksheets)
            if (sheet.Dimension is { } size && sheet.Cells[1, 1, size.End.Row, size.End.Column].Value is object[,] values)
                foreach (var value in values) if (value is not null) cells++;
        return cells;
    }
}

internal static class Generator
{
    /// <summary>A plausible return: one child per four reviews, two episodes each, reviews every five months from care starting.</summary>
    public static void Write(string folder, int reviews)
    {
        if (File.Exists(Path.Combine(folder, "return.xlsx"))) return;
        var random = new Random(903);
        var children = Math.Max(1, reviews / 4);
        var header = new StringBuilder("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n");
        var episodes = new StringBuilder("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n");
        var reviewRows = new StringBuilder("CHILD,DOB,REVIEW,REVIEW_CODE\r\n");
        var allocations = new StringBuilder("CHILD,IRO,FROM,TO\r\n");
        var written = 0;
        for (var c = 0; c < children; c++)
        {
            var id = (100000 + c).ToString(CultureInfo.InvariantCulture);
            var dob = new DateOnly(2008, 1, 1).AddDays(random.Next(0, 4000));
            var start = new DateOnly(2023, 1, 1).AddDays(random.Next(0, 500));
            var middle = start.AddDays(300);
            header.Append(CultureInfo.InvariantCulture, $"{id},{random.Next(1, 3)},{dob:dd/MM/yyyy},WBRI,,,\r\n");
            episodes.Append(CultureInfo.InvariantCulture, $"{id},{start:dd/MM/yyyy},S,C2,N1,U1,PR1,{middle:dd/MM/yyyy},X1,,,,\r\n");
            episodes.Append(CultureInfo.InvariantCulture, $"{id},{middle:dd/MM/yyyy},P,C2,N1,U3,PR1,,,,,,\r\n");
            allocations.Append(CultureInfo.InvariantCulture, $"{id},IRO {c % 12 + 1},{start:dd/MM/yyyy},\r\n");
            var per = c == children - 1 ? reviews - written : Math.Min(4, reviews - written);
            for (var r = 0; r < per; r++, written++)
                reviewRows.Append(CultureInfo.InvariantCulture, $"{id},{dob:dd/MM/yyyy},{start.AddDays(15 + r * 150):dd/MM/yyyy},PN{random.Next(1, 8)}\r\n");
        }
        File.WriteAllText(Path.Combine(folder, "header.csv"), header.ToString());
        File.WriteAllText(Path.Combine(folder, "episodes.csv"), episodes.ToString());
        File.WriteAllText(Path.Combine(folder, "reviews.csv"), reviewRows.ToString());
        File.WriteAllText(Path.Combine(folder, "allocations.csv"), allocations.ToString());
        using var package = new ExcelPackage();
        foreach (var name in new[] { "header", "episodes", "reviews", "allocations" })
        {
            var sheet = package.Workbook.Worksheets.Add(name);
            var lines = File.ReadAllLines(Path.Combine(folder, name + ".csv"));
            var data = new object[lines.Length, lines[0].Split(',').Length];
            for (var r = 0; r < lines.Length; r++)
            {
                var fields = lines[r].Split(',');
                for (var f = 0; f < fields.Length && f < data.GetLength(1); f++) data[r, f] = fields[f];
            }
            sheet.Cells[1, 1].LoadFromArrays(Enumerable.Range(0, lines.Length).Select(r => Enumerable.Range(0, data.GetLength(1)).Select(f => data[r, f]).ToArray()));
        }
        package.SaveAs(new FileInfo(Path.Combine(folder, "return.xlsx")));
    }
}
