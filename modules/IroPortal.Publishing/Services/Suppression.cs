using System.Text.RegularExpressions;
using AngleSharp.Dom;
using IroPortal.AnnualReport.Contracts;

namespace IroPortal.Publishing.Services;

/// <summary>A number the public version shows as "fewer than 5".</summary>
public sealed record SuppressedCell(string Key, string Kind, string Text, string Where, string Anchor);

/// <summary>Small-number suppression for the public version and the children's summary: counts of 1 to 4 children
/// become "fewer than 5", in figures tables that count children, in every table the manager wrote (read as parsed
/// HTML, so every table form Markdown allows) and in prose ("3 children", "two young people"); their bars leave the charts.</summary>
public static partial class Suppression
{
    public const string FewerThanFive = "fewer than 5";
    public const string NotShown = "not shown";
    public const string Note = "Counts of fewer than 5 are shown as \u201cfewer than 5\u201d so that no child can be recognised.";
    public const string ComplementNote = "Where one count in a column is hidden, the next smallest is \u201cnot shown\u201d too, so that it cannot be worked out from a total.";

    // "3 children", "two young people", "four of the girls": how a small count of children is written in prose.
    // "Two children's homes" counts homes, not children.
    [GeneratedRegex(@"\b(?<n>[1-4]|one|two|three|four)\s+(?<q>(?:(?:of\s+(?:the|our|these|those)|other|more|looked[- ]after|young|older|younger|separated|unaccompanied|asylum[- ]seeking|disabled|new|care[- ]experienced|white|black|asian|mixed|british|female|male)\s+){0,3})(?<who>children|child|young\s+(?:people|persons?)|boys?|girls?|bab(?:y|ies)|siblings?|care\s+leavers?|teenagers?|infants?|toddlers?|brothers?|sisters?|twins?|pupils?|students?|asylum[- ]seekers?|kids?)\b(?!['’]s?)", RegexOptions.IgnoreCase)]
    public static partial Regex SmallCount();

    // "3", and "3 (2%)" or "3 (of 40)": a count with its share beside it is still a count.
    [GeneratedRegex(@"^\s*(?<n>[1-4])\s*(?:\([^)]*\))?\s*$")]
    private static partial Regex SmallCell();

    private static bool IsSmall(string cell, out int value)
    {
        var match = SmallCell().Match(cell);
        value = match.Success ? match.Groups["n"].Value[0] - '0' : 0;
        return match.Success;
    }

    /// <summary>A figures block that counts children (the annual report says which do: QA counts are of IROs' work).</summary>
    /// <param name="keep">Cells the manager has said do not count children (an override): their numbers stay.</param>
    public static (FigureTable Table, IReadOnlyList<SuppressedCell> Cells) Figures(FigureTable table, string where, string anchor, Func<string, bool> keep)
    {
        var cells = new List<SuppressedCell>();
        var rows = new List<List<string>>();
        foreach (var row in table.Rows)
        {
            var copy = row.ToList();
            for (var c = 1; c < copy.Count; c++)
            {
                if (!IsSmall(copy[c], out _)) continue;
                var text = $"{copy[c]} in \u201c{copy[0]}\u201d, {table.Columns.ElementAtOrDefault(c) ?? "value"}";
                var key = GuardFinding.KeyOf(PrivacyGuard.SmallCellKind, text, anchor + "/" + table.Kind);
                cells.Add(new(key, PrivacyGuard.SmallCellKind, text, where, anchor));
                if (!keep(key)) copy[c] = FewerThanFive;
            }
            rows.Add(copy);
        }
        var complemented = table.PartsOfAWhole ? Complement(rows) : [];
        // A bar would show what the table hides (or a difference the table does not show): small bars, and the
        // bars of rows with a complementary hidden count, are left out.
        var chart = table.Chart;
        bool Hidden(FigureBar b) => b.Value is >= 1 and <= 4 || complemented.Contains(b.Label);
        var hiddenBars = chart?.Bars.Count(Hidden) ?? 0;
        if (cells.Count == 0 && hiddenBars == 0) return (table, []);
        if (chart is not null && hiddenBars > 0)
        {
            var bars = chart.Bars.Where(b => !Hidden(b)).ToList();
            chart = bars.Count == 0 ? null : chart with { Bars = bars, Description = chart.Description + ". Counts of fewer than 5 are not drawn" };
        }
        var notes = complemented.Count > 0 ? Note + " " + ComplementNote : Note;
        var note = table.Note is { Length: > 0 } n ? n + " " + notes : notes;
        return (table with { Rows = rows.Select(r => (IReadOnlyList<string>)r).ToList(), Chart = chart, Note = note }, cells);
    }

    /// <summary>Where a column hides exactly one count, its smallest other count is hidden too: the rows of a
    /// profile add up to a total published elsewhere, which would give the hidden one away.</summary>
    /// <returns>The labels of the rows a count was hidden in this way.</returns>
    private static HashSet<string> Complement(List<List<string>> rows)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        for (var c = 1; c < columns; c++)
        {
            if (rows.Count(r => c < r.Count && r[c] == FewerThanFive) != 1) continue;
            var smallest = rows.Where(r => c < r.Count && int.TryParse(r[c], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.GetCultureInfo("en-GB"), out var v) && v > 0)
                .MinBy(r => int.Parse(r[c], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
            if (smallest is null) continue;
            smallest[c] = NotShown;
            labels.Add(smallest[0]);
        }
        return labels;
    }

    /// <summary>A section's HTML as the public reads it: numbers of 1 to 4 in the manager's own tables, and counts
    /// of 1 to 4 children in its words, shown as "fewer than 5" unless kept. Figures blocks are left to
    /// <see cref="Figures"/>, which knows which of them count children.</summary>
    public static (string Html, IReadOnlyList<SuppressedCell> Cells) Html(string html, string where, string anchor, Func<string, bool> keep)
    {
        var cells = new List<SuppressedCell>();
        var document = PublishedText.Parse(html);
        var changed = false;
        foreach (var table in document.Body!.QuerySelectorAll("table").Where(t => t.Closest("figure.app-figures") is null))
            foreach (var row in table.QuerySelectorAll("tr").Where(r => r.ParentElement?.LocalName != "thead"))
            {
                var label = row.Children.FirstOrDefault()?.TextContent.Trim() ?? "";
                foreach (var (cell, c) in row.Children.Select((cell, c) => (cell, c)).Skip(1))
                {
                    if (!IsSmall(cell.TextContent, out var value)) continue;
                    var text = $"{value} in the row \u201c{label}\u201d";
                    var key = GuardFinding.KeyOf(PrivacyGuard.SmallCellKind, $"{text} ({c + 1})", anchor);
                    cells.Add(new(key, PrivacyGuard.SmallCellKind, text, where, anchor));
                    if (keep(key)) continue;
                    cell.TextContent = FewerThanFive;
                    changed = true;
                }
            }
        foreach (var node in PublishedText.TextNodes(document.Body!).Where(n => n.ParentElement?.Closest("svg") is null).ToList())
        {
            var text = node.Data;
            var replaced = SmallCount().Replace(text, match =>
            {
                var key = GuardFinding.KeyOf(PrivacyGuard.SmallCountKind, match.Value, anchor);
                cells.Add(new(key, PrivacyGuard.SmallCountKind, match.Value, where, anchor));
                return keep(key) ? match.Value : $"{FewerThanFive} {match.Groups["q"].Value}{Plural(match.Groups["who"].Value)}";
            });
            if (replaced == text) continue;
            node.Data = replaced;
            changed = true;
        }
        return (changed ? document.Body!.InnerHtml : html, cells);
    }

    private static string Plural(string who)
    {
        var lower = who.ToLowerInvariant();
        if (lower == "child") return "children";
        if (lower == "baby") return "babies";
        if (lower.StartsWith("young person", StringComparison.Ordinal)) return "young people";
        return lower.EndsWith('s') || lower.EndsWith("people", StringComparison.Ordinal) || lower.EndsWith("children", StringComparison.Ordinal) ? who : who + "s";
    }
}
