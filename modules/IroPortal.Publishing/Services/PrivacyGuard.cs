using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using IroPortal.Modularity;

namespace IroPortal.Publishing.Services;

/// <summary>A piece of what would be published, and where it sits: the guard reads every one.</summary>
/// <param name="Where">In the manager's words: "Summary", "Review timeliness table in Reviews and timeliness".</param>
/// <param name="Anchor">The section's fragment id, so a finding links to its place.</param>
public sealed record GuardText(string Where, string Anchor, string Text);

/// <summary>Blocks: publishing waits until it is removed, or overridden with a reason. Suppressed: a small
/// number the portal replaced with "fewer than 5" itself; an override keeps the number.</summary>
public enum FindingEffect { Blocks, Suppressed }

/// <param name="Key">Names the finding for good (kind, words, place), so an override stays with it.</param>
public sealed record GuardFinding(string Key, string Kind, string Text, string Where, string Anchor, FindingEffect Effect)
{
    public bool IsName => Kind == PrivacyGuard.NameKind;

    public static string KeyOf(string kind, string text, string anchor) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{text}\n{anchor}")))[..32].ToLowerInvariant();
}

/// <summary>
/// Reads all the text, tables and figures of a version before it is published and finds what could identify a
/// child: personal names not on the approved list, a date of birth or a full date next to a name, postcodes,
/// phone numbers, email addresses, NHS numbers, unique pupil numbers, the council's case references, and in the
/// public version counts of fewer than 5 children.
/// </summary>
public static partial class PrivacyGuard
{
    public const string NameKind = "a name that is not on the approved list";
    public const string DateKind = "a date of birth, or a full date next to a name";
    public const string SmallCountKind = "a count of fewer than 5 children";
    public const string SmallCellKind = "a table cell counting fewer than 5";

    /// <summary>Words of any IRO annual report that are capitalised but are nobody's name.</summary>
    private static readonly HashSet<string> ReportWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Act", "Acts", "Adoption", "Agencies", "Agency", "Annual", "Assessment", "Assurance", "Authority", "Board", "Care", "Case", "Children",
        "Children's", "Corporate", "Council", "Court", "Courts", "Department", "Development", "Director", "Dispute", "Education", "Family",
        "Fostering", "Good", "Government", "Guardian", "Guardians", "Handbook", "Health", "Independent", "Justice", "Leaving", "Local",
        "Monitoring", "Officer", "Officers", "Panel", "Parenting", "Participation", "Partnership", "Placement", "Placements", "Plan",
        "Planning", "Police", "Practice", "Priorities", "Progress", "Quality", "Regulations", "Report", "Resolution", "Review", "Reviewing",
        "Reviews", "Safeguarding", "Schools", "Service", "Services", "Social", "Statutory", "Summary", "Team", "Teams", "Virtual", "Wales",
        "Worker", "Workers", "Youth", "Young", "People", "Performance", "Standards", "Framework", "Protocol", "Manager", "Managers",
    };

    private static readonly Regex BirthWords = BirthWordPattern();

    [GeneratedRegex(@"\b(?:born|birth|birthday|d\.?o\.?b\.?|aged)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BirthWordPattern();

    // "3 children", "two young people", "four of the girls": how a small count of children is written in prose.
    [GeneratedRegex(@"\b(?:[1-4]|one|two|three|four)\s+(?:(?:of\s+the|other|more|looked[- ]after|young)\s+)?(?:child|children|young\s+(?:people|person)|boys?|girls?|bab(?:y|ies)|siblings?|care\s+leavers?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SmallCountPattern();

    /// <param name="approvedNames">The manager's approved list: staff, places, organisations.</param>
    /// <param name="publicVersion">Small counts of children matter in what the public reads.</param>
    public static IReadOnlyList<GuardFinding> Scan(IEnumerable<GuardText> texts, IReadOnlyCollection<string> approvedNames, bool publicVersion)
    {
        var allowed = approvedNames.Concat(ReportWords).ToList();
        var findings = new List<GuardFinding>();
        void Add(string kind, string text, GuardText where, FindingEffect effect = FindingEffect.Blocks)
        {
            var key = GuardFinding.KeyOf(kind, text, where.Anchor);
            if (findings.All(f => f.Key != key)) findings.Add(new(key, kind, text, where.Where, where.Anchor, effect));
        }

        foreach (var piece in texts)
        {
            var found = IdentifyingText.Find(piece.Text, allowed);
            foreach (var finding in found)
            {
                if (finding.IsPossibleName) Add(NameKind, finding.Text, piece);
                else if (finding.Kind.StartsWith("a full date", StringComparison.Ordinal))
                {
                    // Reports are full of dates ("looked after on 31 March 2026"); only one beside a name or a birth identifies.
                    if (NearBirthOrName(piece.Text, finding.Text, found)) Add(DateKind, finding.Text, piece);
                }
                else Add(finding.Kind, finding.Text, piece);
            }
            if (publicVersion)
                foreach (Match count in SmallCountPattern().Matches(piece.Text))
                    Add(SmallCountKind, count.Value, piece);
        }
        return findings;
    }

    private static bool NearBirthOrName(string text, string date, IReadOnlyList<IdentifyingFinding> found)
    {
        var at = text.IndexOf(date, StringComparison.Ordinal);
        if (at < 0) return true;
        var from = Math.Max(0, at - 40);
        var around = text[from..Math.Min(text.Length, at + date.Length + 40)];
        return BirthWords.IsMatch(around) || found.Any(f => f.IsPossibleName && around.Contains(f.Text, StringComparison.Ordinal));
    }
}
