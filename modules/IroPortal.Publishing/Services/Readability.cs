using System.Text.RegularExpressions;

namespace IroPortal.Publishing.Services;

/// <param name="Grade">Flesch-Kincaid grade: the US school grade that can read it; 5 is about age 10.</param>
/// <param name="ReadingEase">Flesch reading ease: 100 is very easy, 60 plain English, under 30 hard.</param>
public sealed record ReadabilityReport(int Words, int Sentences, double ReadingEase, double Grade,
    IReadOnlyList<string> LongestSentences, IReadOnlyList<string> HardWords)
{
    public const double GradeLimit = 5;
    public bool AboveLimit => Words > 0 && Grade > GradeLimit;
}

/// <summary>Readability figures computed here, not by a service: Flesch reading ease, Flesch-Kincaid grade,
/// the longest sentences, and words a child may find hard (long words and the jargon of care).</summary>
public static partial class Readability
{
    /// <summary>Words of the care system that children often do not know, whatever their length.</summary>
    private static readonly HashSet<string> Jargon = new(StringComparer.OrdinalIgnoreCase)
    {
        "placement", "placements", "statutory", "escalation", "escalations", "compliance", "timeliness", "participation", "corporate",
        "multi-agency", "permanence", "safeguarding", "advocacy", "advocate", "assessment", "assessments", "looked-after", "care plan",
        "regulations", "scrutiny", "quality assurance", "outcomes", "contact arrangements", "parental responsibility", "cafcass", "iro",
    };

    /// <summary>Short words that the syllable rule over-counts or that every child knows.</summary>
    private static readonly HashSet<string> EasyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "everyone", "everything", "anything", "anyone", "somebody", "someone", "something", "family", "families", "important",
        "together", "another", "yourself", "holiday", "holidays", "favourite", "whatever", "video", "tomorrow", "already",
    };

    [GeneratedRegex(@"[A-Za-z]+(?:['’-][A-Za-z]+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceBreak();

    public static ReadabilityReport Measure(string text)
    {
        var sentences = SentenceBreak().Split(text ?? "").Select(s => s.Trim()).Where(s => WordPattern().IsMatch(s)).ToList();
        var words = sentences.SelectMany(s => WordPattern().Matches(s).Select(m => m.Value)).ToList();
        if (words.Count == 0) return new(0, 0, 100, 0, [], []);
        var syllables = words.Sum(Syllables);
        double wordsPerSentence = (double)words.Count / sentences.Count, syllablesPerWord = (double)syllables / words.Count;
        var ease = 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
        var grade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59;
        var longest = sentences.OrderByDescending(s => WordPattern().Matches(s).Count).Take(3).Where(s => WordPattern().Matches(s).Count > 12).ToList();
        var lower = (text ?? "").ToLowerInvariant();
        var hard = words.Where(w => !EasyWords.Contains(w) && (Syllables(w) >= 4 || Syllables(w) == 3 && w.Length >= 9))
            .Concat(Jargon.Where(j => Regex.IsMatch(lower, $@"\b{Regex.Escape(j)}\b")))
            .Select(w => w.ToLowerInvariant()).Distinct().Order().ToList();
        return new(words.Count, sentences.Count, Math.Round(ease, 1), Math.Round(Math.Max(0, grade), 1), longest, hard);
    }

    /// <summary>Vowel groups, less a silent final "e", at least one: close enough for English readability formulas.</summary>
    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant().Replace("’", "").Replace("'", "");
        if (w.Length <= 3) return 1;
        var count = 0;
        var previousVowel = false;
        foreach (var c in w)
        {
            var vowel = "aeiouy".Contains(c);
            if (vowel && !previousVowel) count++;
            previousVowel = vowel;
        }
        if (w.EndsWith('e') && !w.EndsWith("le") && !w.EndsWith("ee") && count > 1) count--;
        if (w.EndsWith("ed") && !w.EndsWith("ted") && !w.EndsWith("ded") && count > 1) count--;
        return Math.Max(1, count);
    }
}
