using IroPortal.Data.Seeding;
using IroPortal.Modularity;

namespace IroPortal.Web.Hosting;

/// <summary>The host's command line: <c>IroPortal.Web COMMAND ARGS</c> runs a module's command against the
/// configured database (migrated first) instead of serving the portal.</summary>
public static class Commands
{
    /// <summary>A first argument that is not an option (--urls ...) names a command.</summary>
    public static bool Requested(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    /// <summary>In command mode every log line goes to standard error, so standard output carries only results.</summary>
    public static void UseCommandLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        builder.Configuration["Hosting:CommandMode"] = "true";
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var commands = app.Services.GetServices<IPortalCommand>().ToList();
        var command = commands.SingleOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands:\n  " + string.Join("\n  ", commands.Select(c => c.Usage)));
            return ExitCodes.Usage;
        }
        using var stopping = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };
        if (command.UsesDatabase(args[1..]))
            foreach (var initializer in app.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>())
                await initializer.StartAsync(stopping.Token);
        try
        {
            return await command.RunAsync(args[1..], Console.Out, Console.Error, stopping.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"{command.Name} failed: {ex.Message}");
            return ExitCodes.Failed;
        }
    }
}
