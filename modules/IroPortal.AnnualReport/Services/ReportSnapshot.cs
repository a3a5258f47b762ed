using System.Text.Json;
using IroPortal.AnnualReport.Models;

namespace IroPortal.AnnualReport.Services;

public sealed record SnapshotSection(Guid Id, string Key, string Title, string Body);
public sealed record SnapshotProgress(Guid Id, string Priority, string Update);

/// <summary>The report's words at one version: what the version history stores, compares and restores.</summary>
public sealed record ReportSnapshot(IReadOnlyList<SnapshotSection> Sections, IReadOnlyList<SnapshotProgress> Progress)
{
    public static ReportSnapshot Of(Report report) => new(
        report.Sections.OrderBy(s => s.Position).Select(s => new SnapshotSection(s.Id, s.Key, s.Title, s.Body)).ToList(),
        report.Progress.OrderBy(p => p.Position).Select(p => new SnapshotProgress(p.Id, p.Priority, p.Update)).ToList());

    public string ToJson() => JsonSerializer.Serialize(this);

    public static ReportSnapshot FromJson(string json) => JsonSerializer.Deserialize<ReportSnapshot>(json) ?? new([], []);
}

public enum LineChange { Same, Added, Removed }

public sealed record DiffLine(LineChange Change, string Text);

/// <param name="Change">"added", "removed", "renamed", "changed" or "unchanged".</param>
public sealed record SectionDiff(string Title, string? OldTitle, string Change, IReadOnlyList<DiffLine> Lines);

/// <summary>Differences between two versions, section by section and line by line.</summary>
public static class VersionDiff
{
    public static IReadOnlyList<SectionDiff> Compare(ReportSnapshot older, ReportSnapshot newer)
    {
        var result = new List<SectionDiff>();
        var oldById = older.Sections.ToDictionary(s => s.Id);
        foreach (var section in newer.Sections)
        {
            if (!oldById.TryGetValue(section.Id, out var before))
            {
                result.Add(new(section.Title, null, "added", Lines("", section.Body)));
                continue;
            }
            var lines = Lines(before.Body, section.Body);
            var textChanged = lines.Any(l => l.Change != LineChange.Same);
            var renamed = before.Title != section.Title;
            result.Add(new(section.Title, renamed ? before.Title : null, textChanged ? "changed" : renamed ? "renamed" : "unchanged", lines));
        }
        var newIds = newer.Sections.Select(s => s.Id).ToHashSet();
        result.AddRange(older.Sections.Where(s => !newIds.Contains(s.Id)).Select(s => new SectionDiff(s.Title, null, "removed", Lines(s.Body, ""))));

        var oldProgress = older.Progress.ToDictionary(p => p.Id);
        var progressLines = new List<DiffLine>();
        foreach (var item in newer.Progress)
        {
            var before = oldProgress.GetValueOrDefault(item.Id)?.Update ?? "";
            if (before == item.Update) continue;
            progressLines.Add(new(LineChange.Same, item.Priority));
            progressLines.AddRange(Lines(before, item.Update));
        }
        if (progressLines.Count > 0)
            result.Add(new("Updates on last year's priorities", null, "changed", progressLines));
        return result;
    }

    /// <summary>A line diff by longest common subsequence: short texts, so the quadratic table is fine.</summary>
    public static IReadOnlyList<DiffLine> Lines(string older, string newer)
    {
        var a = Split(older);
        var b = Split(newer);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var lines = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { lines.Add(new(LineChange.Same, a[x])); x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) lines.Add(new(LineChange.Removed, a[x++]));
            else lines.Add(new(LineChange.Added, b[y++]));
        }
        while (x < a.Length) lines.Add(new(LineChange.Removed, a[x++]));
        while (y < b.Length) lines.Add(new(LineChange.Added, b[y++]));
        return lines;
    }

    private static string[] Split(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
}
