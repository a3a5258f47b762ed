namespace IroPortal.Modularity;

/// <summary>Where a form or a sign-in may send a person back to: only a path on this portal. One rule for the whole
/// portal, so that none of its return addresses can send anyone off-site or fail on a strange character.</summary>
public static class ReturnAddress
{
    public const int MaxLength = 2000;

    /// <summary>A path on this portal ("/qa/mine?year=2025#overdue"): it starts with one "/", holds no backslash and
    /// no control character (a tab or line break that a browser would drop, turning "/\t/evil" into "//evil").</summary>
    public static bool IsLocal(string? path) =>
        path is { Length: > 0 and <= MaxLength } && path[0] == '/'
        && (path.Length == 1 || path[1] is not ('/' or '\\'))
        && !path.Contains('\\') && !path.Any(char.IsControl);

    /// <summary>The path when it is local, otherwise the fallback.</summary>
    public static string LocalOr(string? path, string fallback) => IsLocal(path) ? path! : fallback;

    /// <summary>The path when it is local and within <paramref name="area"/> ("/qa": "/qa/mine", not "/qaz" nor
    /// "/admin"), otherwise the fallback.</summary>
    public static string LocalWithinOr(string? path, string area, string fallback) =>
        IsLocal(path) && (path == area || path!.StartsWith(area + "/", StringComparison.Ordinal) || path.StartsWith(area + "?", StringComparison.Ordinal)) ? path! : fallback;
}
