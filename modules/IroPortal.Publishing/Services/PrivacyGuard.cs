using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using IroPortal.Modularity;

namespace IroPortal.Publishing.Services;

/// <summary>A piece of what would be published, and where it sits: the guard reads every one.</summary>
/// <param name="Where">In the manager's words: the section's title, or "The title page and contents".</param>
/// <param name="Anchor">The section's fragment id, so a finding links to its place.</param>
/// <param name="Output">Which output it was read from: "web page", "PDF", "workbook".</param>
/// <param name="Place">Where in that output: "text", "a link's address", "page 4", "sheet 2, cell B3".</param>
public sealed record GuardText(string Where, string Anchor, string Text, string Output = "", string Place = "");

/// <summary>Blocks: publishing waits until it is removed, or overridden with a reason. Suppressed: a small
/// number the portal replaced with "fewer than 5" itself; an override keeps the number. Unreadable: an output
/// the guard could not read, which is never published and cannot be overridden.</summary>
public enum FindingEffect { Blocks, Suppressed, Unreadable }

/// <param name="Key">Names the finding for good (kind, words, section), so an override stays with it in every
/// output and every version.</param>
public sealed record GuardFinding(string Key, string Kind, string Text, string Where, string Anchor, FindingEffect Effect)
{
    public bool IsName => Kind == PrivacyGuard.NameKind;

    /// <summary>Every output and place it was seen in: "web page: a link's address", "PDF: page 3".</summary>
    public IReadOnlyList<string> Seen { get; init; } = [];

    /// <summary>The approved person a lone first name or surname may be ("Grace Murphy").</summary>
    public string? Person { get; init; }

    public static string KeyOf(string kind, string text, string anchor) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{text}\n{anchor}")))[..32].ToLowerInvariant();
}

/// <summary>
/// Reads what would be published and finds what could identify a child: personal names not approved, a date of
/// birth or a full date next to a name, postcodes, phone numbers, email addresses, NHS numbers, unique pupil
/// numbers, National Insurance numbers, social media, the council's case references, and (where asked) counts of
/// fewer than 5 children in prose.
/// </summary>
public static partial class PrivacyGuard
{
    public const string NameKind = "a name that is not on the approved list";
    public const string DateKind = "a date of birth, or a full date next to a name";
    public const string SmallCountKind = "a count of fewer than 5 children";
    public const string SmallCellKind = "a table cell counting fewer than 5";
    public const string UnreadableKind = "an output the privacy guard could not read";

    [GeneratedRegex(@"\p{Cf}")]
    private static partial Regex Invisible();

    [GeneratedRegex(@"\b(?:born|birth|birthday|birthdays|d\.?o\.?b\.?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BirthWords();

    /// <param name="approved">People approved by their whole name, and words approved as not names.</param>
    /// <param name="smallCounts">Whether a count of fewer than 5 children in prose is a finding (text the portal
    /// cannot suppress itself).</param>
    /// <param name="everyFullDate">Whether every full date is a finding: in a language other than English the guard
    /// cannot read the words around a date that make it a birthday.</param>
    public static IReadOnlyList<GuardFinding> Scan(IEnumerable<GuardText> texts, ApprovedNames approved, CaseReferences caseReferences, bool smallCounts = false, bool everyFullDate = false)
    {
        var findings = new Dictionary<string, (GuardFinding Finding, List<string> Seen)>();
        void Add(string kind, string text, GuardText where, string? person = null)
        {
            var key = GuardFinding.KeyOf(kind, text, where.Anchor);
            if (!findings.TryGetValue(key, out var found))
                findings[key] = found = (new(key, kind, text, where.Where, where.Anchor, FindingEffect.Blocks) { Person = person }, []);
            var seen = where.Output.Length == 0 ? where.Place : where.Place.Length == 0 ? where.Output : $"{where.Output}, {where.Place}";
            if (seen.Length > 0 && !found.Seen.Contains(seen)) found.Seen.Add(seen);
        }

        foreach (var read in texts)
        {
            // As a reader sees it: ligatures from the PDF ("ﬃ"), full-width and other compatibility forms as plain letters.
            // Characters nobody sees (zero-width spaces, soft hyphens) are taken out, so they cannot split a number or a name.
            var piece = read with { Text = Invisible().Replace(read.Text.Normalize(NormalizationForm.FormKC), "") };
            var found = IdentifyingText.Find(piece.Text, approved, caseReferences);
            foreach (var finding in found)
            {
                if (finding.IsPossibleName) Add(NameKind, finding.Text, piece, finding.Person);
                else if (finding.Kind == IdentifyingText.FullDateKind)
                {
                    // Reports are full of dates ("looked after on 31 March 2026"); only one beside a name or a birth identifies.
                    if (everyFullDate || NearBirthOrName(piece.Text, finding, found)) Add(DateKind, finding.Text, piece);
                }
                else Add(finding.Kind, finding.Text, piece);
            }
            foreach (var dayAndMonth in IdentifyingText.DaysAndMonths(piece.Text))
                if (BirthWords().IsMatch(Around(piece.Text, dayAndMonth.Index, dayAndMonth.Length, 30)) && !found.Any(f => Overlap(f, dayAndMonth)))
                    Add(DateKind, dayAndMonth.Value, piece);
            if (smallCounts)
                foreach (Match count in Suppression.SmallCount().Matches(piece.Text))
                    Add(SmallCountKind, count.Value, piece);
        }
        return findings.Values.Select(f => f.Finding with { Seen = f.Seen }).ToList();
    }

    /// <summary>A finding that means the output could not be read, and so must not be published.</summary>
    public static GuardFinding Unreadable(string output, string why) =>
        new(GuardFinding.KeyOf(UnreadableKind, output, ""), UnreadableKind, $"The {output}: {why}", $"the whole {output}", "", FindingEffect.Unreadable) { Seen = [output] };

    private static bool Overlap(IdentifyingFinding finding, Match match) =>
        finding.Index < match.Index + match.Length && match.Index < finding.Index + finding.Text.Length;

    private static string Around(string text, int at, int length, int reach) =>
        text[Math.Max(0, at - reach)..Math.Min(text.Length, at + length + reach)];

    private static bool NearBirthOrName(string text, IdentifyingFinding date, IReadOnlyList<IdentifyingFinding> found)
    {
        var at = date.Index >= 0 ? date.Index : text.IndexOf(date.Text, StringComparison.Ordinal);
        if (at < 0) return true;
        return BirthWords().IsMatch(Around(text, at, date.Text.Length, 40))
            || found.Any(f => f.IsPossibleName && Math.Abs(f.Index - at) <= 40 + date.Text.Length);
    }
}
