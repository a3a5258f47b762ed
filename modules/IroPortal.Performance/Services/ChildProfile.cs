using IroPortal.Performance.Contracts;
using IroPortal.Performance.Models;

namespace IroPortal.Performance.Services;

/// <summary>
/// The children looked after at the end of the year and those who started, by the groups the DfE publishes: age
/// (at 31 March, or when care began), gender, ethnic group, legal status, placement and its distance from home (of the episode open then),
/// and unaccompanied asylum-seeking children. Codes are the SSDA903 return's.
/// </summary>
public static class ChildProfile
{
    public const string Age = "Age", Gender = "Gender", Ethnicity = "Ethnic group", LegalStatus = "Legal status", Placement = "Placement", Distance = "Distance from home", Uasc = "Unaccompanied asylum-seeking children";

    private static readonly string[] AgeBands = ["Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over"];

    private static readonly (string Group, string[] Codes)[] EthnicGroups =
    [
        ("White", ["WBRI", "WIRI", "WIRT", "WOTH", "WROM"]),
        ("Mixed or multiple", ["MWBC", "MWBA", "MWAS", "MOTH"]),
        ("Asian or Asian British", ["AIND", "APKN", "ABAN", "AOTH"]),
        ("Black or Black British", ["BCRB", "BAFR", "BOTH"]),
        ("Other ethnic group", ["CHNE", "OOTH"]),
        ("Refused or not obtained", ["REFU", "NOBT"]),
    ];

    private static readonly (string Group, string[] Codes)[] LegalGroups =
    [
        ("Care order", ["C1", "C2"]),
        ("Placement order", ["D1", "E1"]),
        ("Voluntary agreement (section 20)", ["V2", "V3", "V4"]),
        ("Youth justice", ["J1", "J2", "J3"]),
        ("Police protection or emergency order", ["L1", "L2", "L3"]),
    ];

    private static readonly (string Group, string[] Codes)[] PlacementGroups =
    [
        ("Foster care", ["U1", "U2", "U3", "U4", "U5", "U6"]),
        ("Placed for adoption", ["A3", "A4", "A5", "A6"]),
        ("Placed with parents", ["P1"]),
        ("Children's homes and secure units", ["K1", "K2"]),
        ("Independent and semi-independent living", ["P2", "H5"]),
        ("Other residential settings", ["R1", "R2", "R3", "R5", "S1"]),
    ];

    // Looked up for every child of every import: one dictionary, not a scan of the groups.
    private static readonly Dictionary<string, string> EthnicGroupOfCode =
        EthnicGroups.SelectMany(g => g.Codes.Select(c => (Code: c, g.Group))).ToDictionary(c => c.Code, c => c.Group, StringComparer.OrdinalIgnoreCase);

    /// <summary>The group an ETHNIC code belongs to, kept instead of the code ("" when not given).</summary>
    public static string EthnicGroup(string code)
    {
        var trimmed = code.Trim();
        return trimmed.Length == 0 ? "" : EthnicGroupOfCode.GetValueOrDefault(trimmed, "Not recognised");
    }

    private static string Group((string Group, string[] Codes)[] groups, string code) =>
        code.Trim().Length == 0 ? "Not recorded" : groups.FirstOrDefault(g => g.Codes.Contains(code.Trim().ToUpperInvariant())).Group ?? "Other";

    private static string AgeBand(DateOnly birthMonth, DateOnly on)
    {
        var age = ReturnValidator.Age(birthMonth, on);
        return age < 1 ? AgeBands[0] : age < 5 ? AgeBands[1] : age < 10 ? AgeBands[2] : age < 16 ? AgeBands[3] : AgeBands[4];
    }

    /// <param name="atEnd">Each child looked after on the last day, with the episode open then.</param>
    /// <param name="started">Each period of care that began in the year, with its first episode.</param>
    public static IReadOnlyList<ProfileGroup> Of(IReadOnlyDictionary<string, CareChild> children, IReadOnlyList<(string Child, CareEpisode Episode)> atEnd,
        IReadOnlyList<(string Child, CareEpisode Episode)> started, DateOnly to)
    {
        var groups = new List<ProfileGroup>();
        void Measure(string measure, IEnumerable<string> order, Func<CareChild, CareEpisode, DateOnly, string?> groupOf)
        {
            string? At((string Child, CareEpisode Episode) row, DateOnly on) => children.TryGetValue(row.Child, out var child) ? groupOf(child, row.Episode, on) : null;
            var end = atEnd.Select(r => At(r, to)).Where(g => g is not null).GroupBy(g => g!).ToDictionary(g => g.Key, g => g.Count());
            var began = started.Select(r => At(r, r.Episode.Start)).Where(g => g is not null).GroupBy(g => g!).ToDictionary(g => g.Key, g => g.Count());
            // The usual groups in their order (even when empty), then any other the data has.
            foreach (var name in order.Concat(end.Keys).Concat(began.Keys).Distinct())
                groups.Add(new(measure, name, end.GetValueOrDefault(name), began.GetValueOrDefault(name)));
        }
        Measure(Age, AgeBands, (c, _, on) => AgeBand(c.BirthMonth, on));
        Measure(Gender, ["Male", "Female"], (c, _, _) => c.Sex switch { "1" => "Male", "2" => "Female", _ => "Not recorded" });
        Measure(Ethnicity, EthnicGroups.Select(g => g.Group), (c, _, _) => c.EthnicGroup.Length == 0 ? "Not recorded" : c.EthnicGroup);
        Measure(LegalStatus, LegalGroups.Select(g => g.Group), (_, e, _) => Group(LegalGroups, e.LegalStatus));
        Measure(Placement, PlacementGroups.Select(g => g.Group), (_, e, _) => Group(PlacementGroups, e.Placement));
        // The DfE's line: placed more than 20 miles from home.
        Measure(Distance, ["20 miles or less", "Over 20 miles", "Not recorded"], (_, e, _) => e.PlacementDistance switch
        {
            null => "Not recorded",
            <= 20 => "20 miles or less",
            _ => "Over 20 miles",
        });
        Measure(Uasc, ["Unaccompanied asylum-seeking"], (c, _, on) => c.Uasc && (c.UascCeased is null || c.UascCeased > on) ? "Unaccompanied asylum-seeking" : null);
        return groups;
    }
}
