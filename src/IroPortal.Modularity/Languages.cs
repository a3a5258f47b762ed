using System.Text.RegularExpressions;

namespace IroPortal.Modularity;

/// <summary>Languages a council offers children pages in, by the code HTML's lang attribute takes.</summary>
public static partial class Languages
{
    /// <summary>Languages written right to left, by their first subtag: Arabic, Farsi and Dari, Pashto, Urdu, Sorani
    /// Kurdish, Hebrew, Yiddish, Sindhi, Uyghur, Dhivehi, Syriac, Aramaic, Kashmiri.</summary>
    private static readonly HashSet<string> RightToLeft = ["ar", "fa", "prs", "ps", "ur", "ckb", "he", "yi", "sd", "ug", "dv", "syr", "arc", "ks"];

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex CodeShape();

    /// <summary>A code like "ar", "fa", "ps", "ti" or "ku-Arab"; never English, which needs no translation.</summary>
    public static bool IsValidCode(string? code) => code is { Length: <= 20 } && CodeShape().IsMatch(code) && !code.StartsWith("en", StringComparison.Ordinal);

    /// <summary>"rtl" or "ltr": a script subtag (Arab, Hebr, Latn, Cyrl) decides, otherwise the language.</summary>
    public static string Direction(string code)
    {
        var parts = code.Split('-');
        if (parts.Skip(1).Any(p => p.Equals("Arab", StringComparison.OrdinalIgnoreCase) || p.Equals("Hebr", StringComparison.OrdinalIgnoreCase))) return "rtl";
        if (parts.Skip(1).Any(p => p.Equals("Latn", StringComparison.OrdinalIgnoreCase) || p.Equals("Cyrl", StringComparison.OrdinalIgnoreCase))) return "ltr";
        return RightToLeft.Contains(parts[0]) ? "rtl" : "ltr";
    }
}
