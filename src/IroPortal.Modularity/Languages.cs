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

    public const int MaxName = 100;

    public const string CodeProblem = "Enter the language's code as web pages use it, in small letters: ar for Arabic, fa for Farsi, ps for Pashto, ti for Tigrinya, ku-Arab for Sorani Kurdish in Arabic script. English needs no translation.";

    /// <summary>What is wrong with a language's two names, by field ("Name", "EnglishName"): the same words wherever a
    /// council adds a language.</summary>
    public static IEnumerable<(string Field, string Message)> NameProblems(string? name, string? englishName)
    {
        if (string.IsNullOrWhiteSpace(name)) yield return ("Name", "Enter the language's name as its readers write it, like العربية for Arabic");
        else if (name.Trim().Length > MaxName) yield return ("Name", $"The language's name must be {MaxName} characters or fewer");
        if (string.IsNullOrWhiteSpace(englishName)) yield return ("EnglishName", "Enter the language's name in English, like Arabic");
        else if (englishName.Trim().Length > MaxName) yield return ("EnglishName", $"The language's name in English must be {MaxName} characters or fewer");
    }

    /// <summary>"rtl" or "ltr": a script subtag (Arab, Hebr, Latn, Cyrl) decides, otherwise the language.</summary>
    public static string Direction(string code)
    {
        var parts = code.Split('-');
        if (parts.Skip(1).Any(p => p.Equals("Arab", StringComparison.OrdinalIgnoreCase) || p.Equals("Hebr", StringComparison.OrdinalIgnoreCase))) return "rtl";
        if (parts.Skip(1).Any(p => p.Equals("Latn", StringComparison.OrdinalIgnoreCase) || p.Equals("Cyrl", StringComparison.OrdinalIgnoreCase))) return "ltr";
        return RightToLeft.Contains(parts[0]) ? "rtl" : "ltr";
    }
}
