// The SSDA903 import, measured against its floor and against reading the same files raw, in one run:
//   dotnet run -c Release --project tests/IroPortal.Performance.Benchmarks [-- --reviews 100000]
// Each scenario runs in a process of its own, so its peak memory is its own. The floor is the same rows parsed with
// no checks and written with the fastest path each database has (binary COPY on PostgreSQL, one prepared INSERT in a
// transaction on SQLite): the aim is an import within 1.5 times it, with a peak under 400 MB. Raw ratio = raw read
// time / import time (a plain CSV split, or EPPlus reading every cell): the aim for a workbook is at least 0.5.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using IroPortal.Data;
using IroPortal.Performance.Services;
using IroPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using OfficeOpenXml;

var reviews = args.SkipWhile(a => a != "--reviews").Skip(1).Select(int.Parse).FirstOrDefault(100_000);
var folder = Path.Combine(Path.GetTempPath(), $"iroportal-bench-{reviews}");

if (args.FirstOrDefault() == "scenario")
    return await Scenario.RunAsync(args[1], args[2], folder);

Directory.CreateDirectory(folder);
Console.WriteLine($"Writing a return with {reviews:N0} review rows to {folder}");
Generator.Write(folder, reviews);
Console.WriteLine($"{"scenario",-22}{"rows",10}{"import s",10}{"check s",9}{"rows/s",10}{"floor s",9}{"÷ floor",9}{"peak MB",9}{"raw read s",12}{"raw ratio",11}");
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
        var quiet = new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false", ["Logging:LogLevel:Default"] = "None", ["Logging:LogLevel:Microsoft.AspNetCore"] = "None",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None", ["Logging:LogLevel:Hangfire"] = "None",
        };
        var database = Enum.Parse<DatabaseProvider>(provider);
        // Years after the return's last review, so that each run is checked alike (no review falls after its year).
        const int warmUpYear = 2028;
        int[] timedYears = [2025, 2026, 2027];
        var importTimes = new List<TimeSpan>();
        var floorTimes = new List<TimeSpan>();
        TimeSpan checkTime;
        int rows;
        double peak = 0;
        await using (var app = new PortalApp(database, quiet))
        {
            using var scope = app.Services.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<ImportService>();
            // Warmed up first on the same files, so that both it and the floor run compiled code at its best (a cold
            // process spends about a second more of either compiling); then the median of three, each into tables
            // of the same size as the floor's.
            await service.RunAsync((await service.QueueAsync(warmUpYear, files, "benchmark", null)).Id, files);
            foreach (var year in timedYears)
            {
                var import = await service.QueueAsync(year, files, "benchmark", null);
                Memory.ResetPeak();
                var timer = Stopwatch.StartNew();
                await service.RunAsync(import.Id, files);
                importTimes.Add(timer.Elapsed);
                peak = Math.Max(peak, Memory.PeakMegabytes());
            }
            // How much of the import is reading and checking every row (the rest is writing).
            var check = Stopwatch.StartNew();
            rows = service.Check(files, timedYears[0]).RowCount;
            checkTime = check.Elapsed;
        }
        // The floor, into a database of its own, warmed up and timed the same way.
        await using (var app = new PortalApp(database, quiet))
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var keys = scope.ServiceProvider.GetRequiredService<ChildKeys>();
            await Floor.WriteAsync(db, Floor.Parse(format, files, keys), warmUpYear);
            foreach (var year in timedYears)
            {
                var timer = Stopwatch.StartNew();
                await Floor.WriteAsync(db, Floor.Parse(format, files, keys), year);
                floorTimes.Add(timer.Elapsed);
            }
        }
        var (importTime, floorTime) = (importTimes.Order().ElementAt(1), floorTimes.Order().ElementAt(1));
        Console.WriteLine($"{format + " on " + provider,-22}{rows,10:N0}{importTime.TotalSeconds,10:0.00}{checkTime.TotalSeconds,9:0.00}{rows / importTime.TotalSeconds,10:N0}" +
            $"{floorTime.TotalSeconds,9:0.00}{importTime / floorTime,9:0.00}{peak,9:0}{raw.Elapsed.TotalSeconds,12:0.00}{raw.Elapsed / importTime,11:0.00}  ({cells:N0} cells read raw)");
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

/// <summary>The process's peak resident memory from a chosen moment (Linux: VmHWM, reset through clear_refs).</summary>
internal static class Memory
{
    public static void ResetPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* then the process's whole life */ }
    }

    public static double PeakMegabytes()
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is null
            ? Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024)
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}

/// <summary>The floor of an import: the same rows parsed with no checks (and children's identifiers hashed, as stored)
/// and written in one transaction with the fastest path each database has.</summary>
internal static class Floor
{
    public sealed record Table(string Name, string[] Columns, List<object?[]> Rows);

    public static List<Table> Parse(string format, IReadOnlyList<SourceFile> files, ChildKeys keys)
    {
        var sheets = format == "csv"
            ? files.ToDictionary(f => Path.GetFileNameWithoutExtension(f.Name), f => Encoding.UTF8.GetString(f.Content).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList())
            : Workbook(files[0]);
        var hashed = new Dictionary<string, string>();
        string Key(string id) => hashed.TryGetValue(id, out var key) ? key : hashed[id] = keys.Of(id);
        static DateOnly Date(string text) => DateOnly.ParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture);
        static DateOnly? Maybe(string text) => text.Length == 0 ? null : Date(text);
        var born = new Dictionary<string, DateOnly>();
        return
        [
            new("Children", ["ChildKey", "BirthMonth", "Sex", "EthnicGroup", "Uasc", "UascCeased"], sheets["header"].Select(f =>
            {
                var dob = born[f[0]] = Date(f[2]);
                return new object?[] { Key(f[0]), new DateOnly(dob.Year, dob.Month, 1), f[1], f[3], false, null };
            }).ToList()),
            new("Episodes", ["ChildKey", "Start", "End", "ReasonNewEpisode", "LegalStatus", "Placement", "ReasonEnded", "PlacementDistance"],
                sheets["episodes"].Select(f => new object?[] { Key(f[0]), Date(f[1]), Maybe(f[7]), f[2], f[3], f[5], f[8], null }).ToList()),
            new("Reviews", ["ChildKey", "ReviewDate", "Code", "AgedFourOrOver"],
                sheets["reviews"].Select(f => { var on = Date(f[2]); return new object?[] { Key(f[0]), on, f[3], ReturnValidator.Age(born[f[0]], on) >= 4 }; }).ToList()),
            new("Allocations", ["ChildKey", "From", "To", "IroName", "Fte"],
                sheets["allocations"].Select(f => new object?[] { Key(f[0]), Date(f[2]), Maybe(f[3]), f[1], null }).ToList()),
        ];
    }

    private static Dictionary<string, List<string[]>> Workbook(SourceFile file)
    {
        using var package = new ExcelPackage(new MemoryStream(file.Content));
        return package.Workbook.Worksheets.ToDictionary(s => s.Name, sheet =>
        {
            var values = (object?[,])sheet.Cells[1, 1, sheet.Dimension.End.Row, sheet.Dimension.End.Column].Value;
            return Enumerable.Range(1, values.GetLength(0) - 1)
                .Select(r => Enumerable.Range(0, values.GetLength(1)).Select(c => Convert.ToString(values[r, c], CultureInfo.InvariantCulture) ?? "").ToArray()).ToList();
        });
    }

    public static async Task WriteAsync(PortalDbContext db, List<Table> tables, int year)
    {
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var table in tables)
        {
            var columns = string.Join(", ", table.Columns.Prepend("YearStart").Select(c => $"\"{c}\""));
            if (connection is NpgsqlConnection postgres)
            {
                await using var copy = await postgres.BeginBinaryImportAsync($"COPY \"Performance_{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)");
                foreach (var row in table.Rows)
                {
                    await copy.StartRowAsync();
                    copy.Write(year, NpgsqlDbType.Integer);
                    foreach (var value in row)
                        switch (value)
                        {
                            case null: copy.WriteNull(); break;
                            case string text: copy.Write(text, NpgsqlDbType.Varchar); break;
                            case DateOnly date: copy.Write(date, NpgsqlDbType.Date); break;
                            case bool flag: copy.Write(flag, NpgsqlDbType.Boolean); break;
                        }
                }
                await copy.CompleteAsync();
            }
            else
            {
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO \"Performance_{table.Name}\" ({columns}) VALUES ({string.Join(", ", Enumerable.Range(0, table.Columns.Length + 1).Select(i => $"$p{i}"))})";
                var parameters = Enumerable.Range(0, table.Columns.Length + 1).Select(i => { var p = insert.CreateParameter(); p.ParameterName = $"$p{i}"; insert.Parameters.Add(p); return p; }).ToArray();
                await insert.PrepareAsync();
                parameters[0].Value = year;
                foreach (var row in table.Rows)
                {
                    for (var i = 0; i < row.Length; i++)
                        parameters[i + 1].Value = row[i] switch { null => DBNull.Value, DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), var value => value };
                    await insert.ExecuteNonQueryAsync();
                }
            }
        }
        await transaction.CommitAsync();
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
