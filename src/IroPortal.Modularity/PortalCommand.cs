namespace IroPortal.Modularity;

/// <summary>A command the host runs instead of serving the portal: <c>IroPortal.Web import-903 --year 2025 ...</c>.
/// Modules register theirs as services. Results go to <paramref name="output"/>; progress, problems and
/// logs to <paramref name="error"/>, so that output can be piped.</summary>
public interface IPortalCommand
{
    string Name { get; }
    string Usage { get; }
    Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken);

    /// <summary>False when these arguments send the work elsewhere (to another portal's API), so this machine's
    /// database is neither migrated nor touched.</summary>
    bool UsesDatabase(IReadOnlyList<string> arguments) => true;
}

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int InvalidInput = 2;
    public const int Usage = 64;
}
