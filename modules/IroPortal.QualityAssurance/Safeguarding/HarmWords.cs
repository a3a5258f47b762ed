using System.Text;

namespace IroPortal.QualityAssurance.Safeguarding;

/// <summary>Words and phrases that suggest a child may be harmed, abused, neglected or at risk of harming themselves.
/// Deliberately broad: a message read today that turns out to be nothing costs a few minutes; a missed one may cost
/// a child. A word ending in * matches any ending ("hit* me" matches "hits me", "hitting me").</summary>
public static class HarmWords
{
    public static readonly IReadOnlyList<string> BuiltIn =
    [
        // Physical harm
        "hit* me", "hit* us", "beat* me", "beats us", "kick* me", "punch* me", "slap* me", "smack* me", "push* me", "shov* me",
        "chok* me", "strangl*", "throw* things at me", "threw things at me", "burn* me", "bruis*", "hurt* me", "hurts us", "hurting me",
        "attack* me", "violent", "violence", "weapon", "knife", "stab*", "gun",
        // Sexual abuse and exploitation
        "abus*", "touch* me", "touched me", "touching me", "private parts", "rape*", "sexual*", "sex", "groom*", "nude*", "naked",
        "sends me pictures", "make me do things", "makes me do things", "exploit*", "county lines", "gang*", "drugs",
        // Neglect
        "no food", "not enough food", "hungry", "starv*", "nobody feeds me", "no one feeds me", "doesn t feed me", "don t feed me",
        "left alone", "left on my own", "locked in", "lock* me", "locked out", "nowhere to sleep", "no bed", "kicked out", "dirty",
        // Self-harm and suicide
        "hurt* myself", "harm* myself", "self harm*", "selfharm*", "cut* myself", "cutting", "kill* myself", "suicid*",
        "want to die", "wanna die", "wish i was dead", "wish i were dead", "better off dead", "end my life", "end it all",
        "don t want to live", "dont want to live", "don t want to be alive", "overdos*", "take my life", "not be here anymore",
        // Fear and danger
        "not safe", "unsafe", "don t feel safe", "dont feel safe", "scared", "frightened", "afraid", "terrified", "threaten*",
        "run away", "running away", "ran away", "going missing", "went missing", "kill* me", "kill* you", "hate me", "bully*",
    ];

    /// <summary>The phrases of <paramref name="text"/> that the list matches, as the list has them.</summary>
    public static IReadOnlyList<string> Find(string? text, IEnumerable<string> phrases)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var words = Words(text);
        return [.. phrases.Distinct(StringComparer.OrdinalIgnoreCase).Where(phrase => Matches(words, Words(phrase))).Order(StringComparer.Ordinal)];
    }

    /// <summary>The list's phrases with the manager's own, one a line, tidied; blank lines dropped.</summary>
    public static IReadOnlyList<string> Extra(string? lines) =>
        [.. (lines ?? "").Split('\n').Select(l => l.Trim()).Where(l => Words(l).Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Lower case, an apostrophe a break ("don't" is "don t"; the list also has "dont"), anything that is not a letter or
    /// digit a break between words. Letters of every script count, so a council may add words in any language.</summary>
    public static string[] Words(string text)
    {
        var tidy = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            if (c is '\'' or '\u2019' or '\u2018' or '`') { tidy.Append(' '); continue; }
            tidy.Append(char.IsLetterOrDigit(c) || c == '*' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark ? c : ' ');
        }
        return tidy.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool Matches(string[] text, string[] phrase)
    {
        if (phrase.Length == 0) return false;
        for (var start = 0; start + phrase.Length <= text.Length; start++)
        {
            var all = true;
            for (var i = 0; i < phrase.Length && all; i++)
                all = phrase[i].EndsWith('*') ? text[start + i].StartsWith(phrase[i][..^1], StringComparison.Ordinal) : text[start + i] == phrase[i];
            if (all) return true;
        }
        return false;
    }
}
