namespace IroPortal.Modularity;

/// <summary>Small pieces of the portal's English.</summary>
public static class Words
{
    /// <summary>"1 review", "3 reviews"; <paramref name="many"/> where the plural is not one + "s" ("children").</summary>
    public static string Count(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";
}
