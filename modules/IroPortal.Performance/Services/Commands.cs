using System.Globalization;
using System.Text.Json;
using IroPortal.Modularity;
using IroPortal.Performance.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Performance.Services;

internal static class CommandArguments
{
    /// <summary>--year YYYY and the rest; null with a message when the year is missing or wrong.</summary>
    public static (int? Year, List<string> Others, string? Problem) Parse(IReadOnlyList<string> arguments)
    {
        int? year = null;
        var rest = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == "--year")
            {
                if (i + 1 >= arguments.Count || !int.TryParse(arguments[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
                    return (null, rest, "--year needs the year the reporting year starts, like 2025 for April 2025 to March 2026.");
                year = y;
                i++;
            }
            else rest.Add(arguments[i]);
        }
        return year is null ? (null, rest, "--year is required, like --year 2025 for April 2025 to March 2026.") : (year, rest, null);
    }
}

/// <summary><c>import-903 --year YYYY PATH...</c>: a folder of CSV files or an .xlsx workbook, and the IRO allocation list;
/// into this portal's database, or with <c>--to</c> into another portal through its API.</summary>
internal sealed class Import903Command(IServiceScopeFactory scopes) : IPortalCommand
{
    private static readonly string[] PushOptions = ["--to", "--client-id", "--client-secret-file"];

    public string Name => "import-903";
    public string Usage => "import-903 --year YYYY [--runs-to YYYY-MM-DD] PATH... [--to https://portal --client-id ID --client-secret-file FILE]   import the SSDA903 return " +
        "(a folder of CSV files or an .xlsx workbook) and the IRO allocation list for a reporting year, here or into the portal named by --to; " +
        "with --runs-to, an extract for part of the year up to that day, provisional until the annual return replaces it";

    public bool UsesDatabase(IReadOnlyList<string> arguments) => !arguments.Contains("--to");

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (year, rest, problem) = CommandArguments.Parse(arguments);
        var push = new Dictionary<string, string>();
        var paths = new List<string>();
        DateOnly? runsTo = null;
        for (var i = 0; i < rest.Count; i++)
        {
            if (rest[i] == "--runs-to")
            {
                if (i + 1 < rest.Count && DateOnly.TryParseExact(rest[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) runsTo = day;
                else problem ??= $"--runs-to needs the last day the extract covers, as YYYY-MM-DD{(i + 1 < rest.Count ? $" (not \"{rest[i + 1]}\")" : "")}.";
                i++;
            }
            else if (!PushOptions.Contains(rest[i])) paths.Add(rest[i]);
            else if (i + 1 < rest.Count) push[rest[i]] = rest[++i];
            else problem ??= $"{rest[i]} needs a value.";
        }
        Uri? portal = null;
        if (problem is null && push.Count > 0)
        {
            if (PushOptions.FirstOrDefault(o => !push.ContainsKey(o)) is { } missing)
                problem = $"{missing} is needed with {string.Join(", ", push.Keys)}: pushing to a portal takes --to, --client-id and --client-secret-file.";
            else if (!Uri.TryCreate(push["--to"].TrimEnd('/') + "/", UriKind.Absolute, out portal) || portal.Scheme is not ("https" or "http"))
                problem = $"--to must be the portal's address, like https://iro.council.example (not \"{push["--to"]}\").";
            else if (portal.Scheme == "http" && !portal.IsLoopback)
                problem = $"--to {push["--to"]}: the client secret would travel unencrypted. Use the portal's https:// address.";
            else if (!File.Exists(push["--client-secret-file"]))
                problem = $"--client-secret-file {push["--client-secret-file"]}: no such file.";
        }
        if (problem is null && paths.Count == 0) problem = "Give at least one PATH: a folder of CSV files, a .csv or an .xlsx file.";
        if (problem is not null)
        {
            await error.WriteLineAsync($"{problem}\nUsage: {Usage}");
            return ExitCodes.Usage;
        }
        var files = new List<SourceFile>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path).Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                    .Order().Select(f => new SourceFile(Path.GetFileName(f), File.ReadAllBytes(f))));
            else if (File.Exists(path))
                files.Add(new SourceFile(Path.GetFileName(path), await File.ReadAllBytesAsync(path, cancellationToken)));
            else
            {
                await error.WriteLineAsync($"{path}: no such file or folder.");
                return ExitCodes.InvalidInput;
            }
        }

        if (portal is not null)
        {
            var secret = (await File.ReadAllTextAsync(push["--client-secret-file"], cancellationToken)).Trim();
            return await new ReturnPusher(portal, push["--client-id"], secret, output, error).PushAsync(year!.Value, files, cancellationToken, runsTo);
        }

        await using var scope = scopes.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ImportService>();
        if (runsTo is { } to && service.RunsToProblem(year!.Value, to) is { } dayProblem)
        {
            await error.WriteLineAsync($"--runs-to {to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {dayProblem}.\nUsage: {Usage}");
            return ExitCodes.Usage;
        }
        ParsedReturn parsed;
        try
        {
            parsed = service.Check(files, year!.Value);
        }
        catch (RefusedFileException refused)
        {
            await error.WriteLineAsync($"Refused: {refused.Message}");
            return ExitCodes.InvalidInput;
        }
        foreach (var (source, kind, rows) in parsed.TablesRead)
            await error.WriteLineAsync($"Read {source}: {rows:N0} rows ({kind.ToLowerInvariant()})");
        foreach (var p in parsed.Problems.OrderBy(p => p.Severity))
            await error.WriteLineAsync($"{(p.Severity == Severity.Error ? "error" : "warning")}: {p.Where}: {p.Message}");
        if (!parsed.CanImport)
        {
            await error.WriteLineAsync($"Not imported: {parsed.Errors:N0} error(s), {parsed.Warnings:N0} warning(s). Nothing was changed.");
            return ExitCodes.InvalidInput;
        }
        var import = await service.QueueAsync(year!.Value, files, "command line", null, cancellationToken, runsTo);
        var lastShown = 0;
        await service.RunAsync(import.Id, files, (written, total) =>
        {
            if (written - lastShown < 50_000 && written != total) return;
            lastShown = written;
            error.WriteLine($"Written {written:N0} of {total:N0} rows (the year changes when all are in)");
        }, cancellationToken);
        var covers = runsTo is { } last ? $" to {UkTime.Format(last)} (provisional until the annual return)" : "";
        await output.WriteLineAsync($"Imported {ReportingYear.Name(year.Value)}{covers}: {parsed.Children.Count:N0} children, {parsed.Episodes.Count:N0} episodes, {parsed.Reviews.Count:N0} reviews, {parsed.Allocations.Count:N0} allocations; {parsed.Warnings:N0} warning(s).");
        return ExitCodes.Success;
    }
}

/// <summary><c>stats --year YYYY --format json</c>: the year's figures, for automation.</summary>
internal sealed class StatsCommand(IServiceScopeFactory scopes) : IPortalCommand
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => "stats";
    public string Usage => "stats --year YYYY --format json   print a reporting year's review figures as JSON";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (year, rest, problem) = CommandArguments.Parse(arguments);
        if (problem is null && !(rest.Count == 2 && rest[0] == "--format" && rest[1] == "json"))
            problem = rest.Count == 0 ? "--format json is required." : $"Unexpected: {string.Join(' ', rest)}. Only --format json is supported.";
        if (problem is not null)
        {
            await error.WriteLineAsync($"{problem}\nUsage: {Usage}");
            return ExitCodes.Usage;
        }
        await using var scope = scopes.CreateAsyncScope();
        var figures = await scope.ServiceProvider.GetRequiredService<IReviewFigures>().ForYearAsync(year!.Value, cancellationToken);
        if (!figures.HasData)
        {
            await error.WriteLineAsync($"No review data has been imported for {ReportingYear.Name(year.Value)}. Run import-903 --year {year} first.");
            return ExitCodes.Failed;
        }
        await output.WriteLineAsync(JsonSerializer.Serialize(figures, Json));
        return ExitCodes.Success;
    }
}
