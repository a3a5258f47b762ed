using System.Text.RegularExpressions;

namespace IroPortal.Modularity;

/// <param name="Kind">What it looks like, in words: "a phone number".</param>
/// <param name="Text">The words found, to show the writer where.</param>
/// <param name="IsPossibleName">A capitalised word that may be a child's name; only a person can tell, so
/// the writer may confirm it is not one. Everything else is certain enough to be removed.</param>
public sealed record IdentifyingFinding(string Kind, string Text, bool IsPossibleName);

/// <summary>Finds what could identify a child in free text written for a report: contact details, dates,
/// national identifiers, the council's case references, and words that may be personal names.</summary>
public static partial class IdentifyingText
{
    // Capitalised words that are not names and turn up in what children and IROs write.
    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "I", "I'm", "I've", "I'd", "I'll", "IRO", "IROs", "Mum", "Mummy", "Dad", "Daddy", "Nan", "Nana", "Gran", "Grandad", "Grandma",
        "Auntie", "Uncle", "Miss", "Sir", "Mr", "Mrs", "Ms", "OK", "Ok", "TV", "Xbox", "PlayStation", "YouTube", "Christmas", "Easter",
        "Eid", "Diwali", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December", "English", "England", "British",
        "Maths", "Science", "School", "Council", "Cafcass", "CAMHS", "NHS", "GP", "LAC", "PEP", "SEN", "EHCP", "Ofsted", "God", "Allah",
        "The", "My", "She", "He", "They", "We", "It", "You", "Covid", "COVID", "Zoom", "Teams", "WhatsApp", "Instagram", "TikTok", "Snapchat", "Facebook", "Google", "Internet",
    };

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<!\w)(?:\+44\s?|0)(?:\d[\s-]?){9,10}(?!\w)")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Postcode();

    [GeneratedRegex(@"\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b")]
    private static partial Regex NhsNumber();

    [GeneratedRegex(@"\b[A-Z]\d{11}[A-Z0-9]\b")]
    private static partial Regex Upn();

    [GeneratedRegex(@"\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\s+\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex FullDate();

    // The council's case references (NM-10234) and the like: letters, a dash or slash, then digits.
    [GeneratedRegex(@"\b[A-Z]{1,4}[-/]\d{3,}\b")]
    private static partial Regex CaseReference();

    // A capitalised word that does not start a sentence, a quotation or a list item.
    [GeneratedRegex(@"(?<!(?:[.!?:""“‘'(]|^[\s\-*•\d.)]*)\s*)\b[A-Z][a-z]+(?:['’-][A-Za-z]+)?\b", RegexOptions.Multiline)]
    private static partial Regex CapitalisedMidSentence();

    /// <param name="allowedNames">Names that may appear (staff, the council's own), compared word by word.</param>
    public static IReadOnlyList<IdentifyingFinding> Find(string? text, IEnumerable<string>? allowedNames = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var findings = new List<IdentifyingFinding>();
        void Add(Regex pattern, string kind)
        {
            foreach (Match match in pattern.Matches(text))
                if (!findings.Any(f => f.Text.Contains(match.Value, StringComparison.Ordinal)))
                    findings.Add(new(kind, match.Value.Trim(), false));
        }
        Add(Email(), "an email address");
        Add(FullDate(), "a full date, such as a date of birth");
        Add(Upn(), "a unique pupil number");
        Add(NhsNumber(), "an NHS number");
        Add(Phone(), "a phone number");
        Add(Postcode(), "a postcode");
        Add(CaseReference(), "a case reference");

        var allowed = new HashSet<string>((allowedNames ?? []).SelectMany(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparer.OrdinalIgnoreCase);
        foreach (Match match in CapitalisedMidSentence().Matches(text))
        {
            var word = match.Value;
            var bare = word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("\u2019s", StringComparison.Ordinal) ? word[..^2] : word; // "the Handbook's"
            if (CommonWords.Contains(bare) || allowed.Contains(bare) || findings.Any(f => f.Text == word)) continue;
            findings.Add(new("a name", word, true));
        }
        return findings;
    }
}
