using System.Globalization;
using System.Text.RegularExpressions;
using IroPortal.AnnualReport.Contracts;

namespace IroPortal.Publishing.Services;

/// <summary>A number the public version shows as "fewer than 5".</summary>
public sealed record SuppressedCell(string Key, string Text, string Where, string Anchor);

/// <summary>Small-number suppression for the public version: counts of 1 to 4 children become "fewer than 5",
/// in figures tables that count children and in the tables the manager wrote, and their bars leave the charts.</summary>
public static partial class Suppression
{
    public const string FewerThanFive = "fewer than 5";
    public const string Note = "Counts of fewer than 5 are shown as \u201cfewer than 5\u201d so that no child can be recognised.";

    private static bool IsSmall(string cell, out int value) =>
        int.TryParse(cell.Trim().Replace(",", ""), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is >= 1 and <= 4;

    /// <summary>A figures block that counts children (the annual report says which do: QA counts are of IROs' work).</summary>
    /// <param name="keep">Cells the manager has said do not count children (an override): their numbers stay.</param>
    public static (FigureTable Table, IReadOnlyList<SuppressedCell> Cells) Figures(FigureTable table, string where, string anchor, Func<string, bool> keep)
    {
        var cells = new List<SuppressedCell>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in table.Rows)
        {
            var copy = row.ToList();
            for (var c = 1; c < copy.Count; c++)
            {
                if (!IsSmall(copy[c], out _)) continue;
                var text = $"{copy[c]} in \u201c{copy[0]}\u201d, {table.Columns.ElementAtOrDefault(c) ?? "value"}";
                var key = GuardFinding.KeyOf(PrivacyGuard.SmallCellKind, text, anchor + "/" + table.Kind);
                cells.Add(new(key, text, where, anchor));
                if (!keep(key)) copy[c] = FewerThanFive;
            }
            rows.Add(copy);
        }
        // A bar would show what the table hides (or a difference the table does not show): small bars are left out.
        var chart = table.Chart;
        var smallBars = chart?.Bars.Count(b => b.Value is >= 1 and <= 4) ?? 0;
        if (cells.Count == 0 && smallBars == 0) return (table, []);
        if (chart is not null && smallBars > 0)
        {
            var bars = chart.Bars.Where(b => b.Value is not (>= 1 and <= 4)).ToList();
            chart = bars.Count == 0 ? null : chart with { Bars = bars, Description = chart.Description + ". Counts of fewer than 5 are not drawn" };
        }
        var note = table.Note is { Length: > 0 } n ? n + " " + Note : Note;
        return (table with { Rows = rows, Chart = chart, Note = note }, cells);
    }

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}")]
    private static partial Regex SeparatorRow();

    /// <summary>The manager's own Markdown tables, with cells of 1 to 4 suppressed unless kept.</summary>
    public static (string Markdown, IReadOnlyList<SuppressedCell> Cells) Markdown(string markdown, string where, string anchor, Func<string, bool> keep)
    {
        var cells = new List<SuppressedCell>();
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!line.TrimStart().StartsWith('|') || SeparatorRow().IsMatch(line)) continue;
            var parts = line.Split('|');
            var label = parts.Length > 1 ? parts[1].Trim() : "";
            var changed = false;
            for (var c = 2; c < parts.Length; c++)
            {
                if (!IsSmall(parts[c], out var value)) continue;
                var text = $"{value} in the row \u201c{label}\u201d";
                var key = GuardFinding.KeyOf(PrivacyGuard.SmallCellKind, $"{text} ({c})", anchor);
                cells.Add(new(key, text, where, anchor));
                if (keep(key)) continue;
                parts[c] = " " + FewerThanFive + " ";
                changed = true;
            }
            if (changed) lines[i] = string.Join('|', parts);
        }
        return (string.Join('\n', lines), cells);
    }
}
