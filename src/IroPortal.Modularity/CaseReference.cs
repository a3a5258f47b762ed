namespace IroPortal.Modularity;

/// <summary>The one rule for a child's case reference wherever staff enter one (an observation, an audit, an
/// escalation): the council's reference, never the child's name.</summary>
public static class CaseReference
{
    public const int MaxLength = 30;

    /// <summary>What is wrong with a reference as entered, in words for the form; null when it will do.</summary>
    public static string? Problem(string? reference)
    {
        var value = (reference ?? "").Trim();
        return value.Length == 0 ? "Enter the child's case reference"
            : value.Length > MaxLength ? $"The case reference must be {MaxLength} characters or fewer"
            : !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/') ? "A case reference has only letters, digits, - and /, with no spaces: never the child's name"
            : !value.Any(char.IsAsciiDigit) ? "A case reference has at least one digit: enter the reference, never the child's name"
            : !char.IsAsciiLetterOrDigit(value[0]) ? "A case reference starts with a letter or a digit"
            : null;
    }

    /// <summary>As kept: trimmed, in capitals, so the same reference is found however it was typed.</summary>
    public static string Normalise(string reference) => reference.Trim().ToUpperInvariant();
}
