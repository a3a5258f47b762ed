using System.Globalization;
using IroPortal.Modularity;
using IroPortal.Performance.Models;

namespace IroPortal.Performance.Services;

public enum Severity { Error, Warning }

/// <param name="Kind">What sort of problem, so a long list can be summarised ("PN0 for a child aged 4 or over: 1,204 rows").</param>
public sealed record ImportProblem(Severity Severity, string Kind, string File, int? Row, string? Column, string Message)
{
    public string Where => string.Join(", ", new[] { File, Row is { } r ? $"row {r}" : null, Column is null ? null : $"column {Column}" }.OfType<string>());
}

public sealed record ParsedReturn(
    int YearStart,
    IReadOnlyList<CareChild> Children,
    IReadOnlyList<CareEpisode> Episodes,
    IReadOnlyList<CareReview> Reviews,
    IReadOnlyList<IroAllocation> Allocations,
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<(string Source, string Kind, int Rows)> TablesRead)
{
    public bool CanImport => Problems.All(p => p.Severity != Severity.Error);
    public int Errors => Problems.Count(p => p.Severity == Severity.Error);
    public int Warnings => Problems.Count(p => p.Severity == Severity.Warning);
    public int RowCount => Children.Count + Episodes.Count + Reviews.Count + Allocations.Count;
}

/// <summary>
/// Checks every row of the SSDA903 tables (header, episodes, reviews) and the IRO allocation list, and turns
/// them into rows to import. Errors mean a row cannot be understood (a date that is not a date, a code that
/// is not a code, a child the header does not know): the import cannot go ahead. Warnings mean a row can be
/// understood but looks wrong; the import can go ahead and the warning says what happens to the row.
/// </summary>
public static class ReturnValidator
{
    private enum TableKind { Header, Episodes, Reviews, Allocations, Uasc, Unused }

    private static readonly Dictionary<TableKind, (string[] Required, string[] Known)> Columns = new()
    {
        [TableKind.Header] = (["CHILD", "DOB"], ["SEX", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]),
        [TableKind.Episodes] = (["CHILD", "DECOM", "RNE", "LS", "PLACE", "DEC", "REC"], ["CIN", "PLACE_PROVIDER", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN", "PL_DISTANCE"]),
        [TableKind.Reviews] = (["CHILD", "REVIEW", "REVIEW_CODE"], ["DOB"]),
        [TableKind.Allocations] = (["CHILD", "IRO", "FROM"], ["TO", "FTE"]),
        [TableKind.Uasc] = (["CHILD"], ["SEX", "DOB", "DUC"]),
    };

    private static readonly HashSet<string> Codes = ["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"];

    /// <param name="keys">Identifiers are checked as the return gives them, then stored only as their keyed hash.</param>
    public static ParsedReturn Validate(IReadOnlyList<RawTable> tables, int yearStart, ChildKeys keys)
    {
        var problems = new List<ImportProblem>();
        var kinds = tables.Select(t => (Table: t, Kind: KindOf(t))).ToList();
        var read = kinds.Select(k => (k.Table.Source, k.Kind.ToString(), k.Table.Rows.Count)).ToList();
        foreach (var (table, _) in kinds.Where(k => k.Kind == TableKind.Unused))
            problems.Add(new(Severity.Warning, "Table not used", table.Source, null, null, $"{table.Source} is not one of the tables used here (header, episodes, reviews, UASC, IRO allocations); it was not imported."));

        RawTable? One(TableKind kind, bool required)
        {
            var found = kinds.Where(k => k.Kind == kind).Select(k => k.Table).ToList();
            if (found.Count > 1)
                problems.Add(new(Severity.Error, "Table given twice", found[1].Source, null, null, $"Two files hold the {Name(kind)} table: {found[0].Source} and {found[1].Source}. Upload one."));
            if (found.Count == 0 && required)
                problems.Add(new(Severity.Error, "Table missing", Name(kind), null, null, $"The {Name(kind)} table is missing. Upload {Name(kind)}.csv, or a workbook with a sheet named {Name(kind)}."));
            if (found.Count == 0 && !required)
                problems.Add(new(Severity.Warning, "No allocation list", "IRO allocations", null, null, "There is no IRO allocation list, so caseloads and figures for each IRO cannot be worked out. Upload it with the return (columns CHILD, IRO, FROM, TO)."));
            return found.FirstOrDefault();
        }

        var header = One(TableKind.Header, true);
        var episodesTable = One(TableKind.Episodes, true);
        var reviewsTable = One(TableKind.Reviews, true);
        var allocationTable = One(TableKind.Allocations, false);
        var uascTable = kinds.Where(k => k.Kind == TableKind.Uasc).Select(k => k.Table).FirstOrDefault();

        var born = new Dictionary<string, DateOnly>();
        var children = header is null ? [] : Header(header, yearStart, born, problems);
        var byChild = children.ToDictionary(c => c.ChildKey);
        if (uascTable is not null) Uasc(uascTable, byChild, problems);
        var episodes = episodesTable is null ? [] : Episodes(episodesTable, yearStart, byChild, problems);
        var periods = episodes.GroupBy(e => e.ChildKey).ToDictionary(g => g.Key, g => CarePeriods.Of(g).ToList());
        var reviews = reviewsTable is null ? [] : Reviews(reviewsTable, yearStart, byChild, born, periods, problems);
        var allocations = allocationTable is null ? [] : Allocations(allocationTable, yearStart, byChild, problems);
        HideIdentifiers(keys, children, episodes, reviews, allocations);
        return new ParsedReturn(yearStart, children, episodes, reviews, allocations, problems, read);
    }

    private static string Name(TableKind kind) => kind == TableKind.Allocations ? "IRO allocations" : kind.ToString().ToLowerInvariant();

    private static TableKind KindOf(RawTable table)
    {
        var name = table.Source.ToLowerInvariant();
        var stem = Path.GetFileNameWithoutExtension(name.Contains(", sheet ") ? name[(name.IndexOf(", sheet ", StringComparison.Ordinal) + 8)..] : name);
        if (stem == "header") return TableKind.Header;
        if (stem == "episodes") return TableKind.Episodes;
        if (stem == "reviews") return TableKind.Reviews;
        if (stem.Contains("alloc")) return TableKind.Allocations;
        if (stem == "uasc") return TableKind.Uasc;
        var headers = table.Headers.Select(h => h.ToUpperInvariant()).ToHashSet();
        if (headers.Contains("REVIEW_CODE")) return TableKind.Reviews;
        if (headers.Contains("DECOM")) return TableKind.Episodes;
        if (headers.Contains("IRO")) return TableKind.Allocations;
        if (headers.Contains("DUC")) return TableKind.Uasc;
        if (headers.Contains("CHILD") && headers.Contains("DOB") && headers.Contains("SEX") && !headers.Contains("DUC") && !headers.Contains("MISSING")) return TableKind.Header;
        return TableKind.Unused;
    }

    /// <summary>Column positions by name; missing required columns are errors, unknown ones warnings.</summary>
    private static Dictionary<string, int>? Positions(RawTable table, TableKind kind, List<ImportProblem> problems)
    {
        var (required, known) = Columns[kind];
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var name = table.Headers[i];
            if (name.Length == 0) continue;
            if (!positions.TryAdd(name, i))
                problems.Add(new(Severity.Error, "Column given twice", table.Source, 1, name, $"The column {name} appears twice in the header row."));
            else if (!required.Contains(name, StringComparer.OrdinalIgnoreCase) && !known.Contains(name, StringComparer.OrdinalIgnoreCase))
                problems.Add(new(Severity.Warning, "Unknown column", table.Source, 1, name, $"The column {name} is not part of the {Name(kind)} table; it was ignored."));
        }
        var missing = required.Where(r => !positions.ContainsKey(r)).ToList();
        foreach (var column in missing)
            problems.Add(new(Severity.Error, "Column missing", table.Source, 1, column, $"The column {column} is missing from the header row. The {Name(kind)} table needs {string.Join(", ", required)}."));
        return missing.Count == 0 ? positions : null;
    }

    private static string Text(RawRow row, int position) =>
        position < row.Cells.Length ? (row.Cells[position] switch
        {
            null => "",
            DateTime date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            double number => number.ToString(CultureInfo.InvariantCulture),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
        }).Trim() : "";

    /// <summary>dd/mm/yyyy, or a date cell in a workbook.</summary>
    private static DateOnly? Date(RawRow row, int position)
    {
        var cell = position < row.Cells.Length ? row.Cells[position] : null;
        if (cell is DateTime dateTime) return DateOnly.FromDateTime(dateTime);
        if (cell is double serial && serial is > 1 and < 2958465) return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        var text = Text(row, position);
        // dd/mm/yyyy, as nearly every date in a return is, read without the general parser.
        if (text.Length == 10 && text[2] == '/' && text[5] == '/'
            && int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(text.AsSpan(6, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            return month is >= 1 and <= 12 && year >= 1 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
        return DateOnly.TryParseExact(text, DateForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private static readonly string[] DateForms = ["dd/MM/yyyy", "d/M/yyyy"];

    private static DateOnly? RequiredDate(RawTable table, RawRow row, Dictionary<string, int> at, string column, string what, List<ImportProblem> problems)
    {
        var text = Text(row, at[column]);
        if (text.Length == 0)
        {
            problems.Add(new(Severity.Error, "Date missing", table.Source, row.Number, column, $"The {what} is empty."));
            return null;
        }
        var date = Date(row, at[column]);
        if (date is null)
            problems.Add(new(Severity.Error, "Not a date", table.Source, row.Number, column, $"'{text}' is not a date in the form dd/mm/yyyy (the {what})."));
        return date;
    }

    private static string? Child(RawTable table, RawRow row, Dictionary<string, int> at, IReadOnlyDictionary<string, CareChild>? known, List<ImportProblem> problems, Severity unknownIs = Severity.Error)
    {
        var child = Text(row, at["CHILD"]);
        if (child.Length == 0)
        {
            problems.Add(new(Severity.Error, "Child missing", table.Source, row.Number, "CHILD", "The child's identifier is empty."));
            return null;
        }
        if (child.Length > 20)
        {
            problems.Add(new(Severity.Error, "Child identifier too long", table.Source, row.Number, "CHILD", $"'{child[..20]}…' is longer than a CHILD identifier can be (20 characters)."));
            return null;
        }
        if (known is not null && !known.ContainsKey(child))
        {
            problems.Add(new(unknownIs, "Child not in header", table.Source, row.Number, "CHILD",
                $"Child {child} is not in the header table{(unknownIs == Severity.Warning ? "; the row was not imported" : "")}."));
            return null;
        }
        return child;
    }

    /// <summary>Until now each row's <c>ChildKey</c> held the identifier as given, so that problems could name it.</summary>
    private static void HideIdentifiers(ChildKeys keys, List<CareChild> children, List<CareEpisode> episodes, List<CareReview> reviews, List<IroAllocation> allocations)
    {
        var hashed = new Dictionary<string, string>();
        string Of(string identifier) => hashed.TryGetValue(identifier, out var key) ? key : hashed[identifier] = keys.Of(identifier);
        foreach (var c in children) c.ChildKey = Of(c.ChildKey);
        foreach (var e in episodes) e.ChildKey = Of(e.ChildKey);
        foreach (var r in reviews) r.ChildKey = Of(r.ChildKey);
        foreach (var a in allocations) a.ChildKey = Of(a.ChildKey);
    }

    private static List<CareChild> Header(RawTable table, int year, Dictionary<string, DateOnly> born, List<ImportProblem> problems)
    {
        var at = Positions(table, TableKind.Header, problems);
        if (at is null) return [];
        var children = new List<CareChild>(table.Rows.Count);
        var seen = new Dictionary<string, int>();
        foreach (var row in table.Rows)
        {
            var child = Child(table, row, at, null, problems);
            var dob = RequiredDate(table, row, at, "DOB", "date of birth", problems);
            if (child is null || dob is null) continue;
            if (!seen.TryAdd(child, row.Number))
            {
                problems.Add(new(Severity.Error, "Child given twice", table.Source, row.Number, "CHILD", $"Child {child} is in the header table twice (rows {seen[child]} and {row.Number})."));
                continue;
            }
            born[child] = dob.Value;
            var sex = at.TryGetValue("SEX", out var sexAt) ? Text(row, sexAt) : "";
            if (sex.Length > 0 && sex is not ("1" or "2"))
            {
                problems.Add(new(Severity.Warning, "Sex not recognised", table.Source, row.Number, "SEX", $"'{sex}' is not a SSDA903 code for sex (1 male, 2 female); the child is counted as not recorded."));
                sex = "";
            }
            var ethnic = at.TryGetValue("ETHNIC", out var ethnicAt) ? ChildProfile.EthnicGroup(Text(row, ethnicAt)) : "";
            if (ethnic == "Not recognised")
                problems.Add(new(Severity.Warning, "Ethnicity not recognised", table.Source, row.Number, "ETHNIC", $"'{Text(row, ethnicAt)}' is not a SSDA903 ethnicity code; the child is counted under not recognised."));
            children.Add(new CareChild { YearStart = year, ChildKey = child, BirthMonth = new DateOnly(dob.Value.Year, dob.Value.Month, 1), Sex = sex, EthnicGroup = ethnic });
        }
        return children;
    }

    /// <summary>Unaccompanied asylum-seeking children: marked on their header row, with the date the status ceased.</summary>
    private static void Uasc(RawTable table, Dictionary<string, CareChild> children, List<ImportProblem> problems)
    {
        var at = Positions(table, TableKind.Uasc, problems);
        if (at is null) return;
        foreach (var row in table.Rows)
        {
            var id = Text(row, at["CHILD"]);
            if (id.Length == 0) continue;
            if (!children.TryGetValue(id, out var child))
            {
                problems.Add(new(Severity.Warning, "Child not in the header", table.Source, row.Number, "CHILD", $"Child {id} is in the UASC table but not in the header; the row was not used."));
                continue;
            }
            child.Uasc = true;
            if (at.TryGetValue("DUC", out var ducAt) && Text(row, ducAt) is { Length: > 0 } ducText)
            {
                child.UascCeased = Date(row, ducAt);
                if (child.UascCeased is null) problems.Add(new(Severity.Warning, "Not a date", table.Source, row.Number, "DUC", $"'{ducText}' is not a date in the form dd/mm/yyyy (the date UASC status ceased); the child is counted as UASC."));
            }
        }
    }

    private static List<CareEpisode> Episodes(RawTable table, int year, Dictionary<string, CareChild> children, List<ImportProblem> problems)
    {
        var at = Positions(table, TableKind.Episodes, problems);
        if (at is null) return [];
        var episodes = new List<CareEpisode>(table.Rows.Count);
        var seen = new Dictionary<(string, DateOnly), int>();
        foreach (var row in table.Rows)
        {
            var child = Child(table, row, at, children, problems);
            var start = RequiredDate(table, row, at, "DECOM", "date the episode began", problems);
            var endText = Text(row, at["DEC"]);
            var end = endText.Length == 0 ? null : Date(row, at["DEC"]);
            if (endText.Length > 0 && end is null)
                problems.Add(new(Severity.Error, "Not a date", table.Source, row.Number, "DEC", $"'{endText}' is not a date in the form dd/mm/yyyy (the date the episode ended)."));
            if (child is null || start is null || (endText.Length > 0 && end is null)) continue;
            if (end < start)
            {
                problems.Add(new(Severity.Error, "Episode ends before it begins", table.Source, row.Number, "DEC", $"The episode ends ({end:dd/MM/yyyy}) before it begins ({start:dd/MM/yyyy})."));
                continue;
            }
            if (!seen.TryAdd((child, start.Value), row.Number))
            {
                problems.Add(new(Severity.Warning, "Duplicate episode", table.Source, row.Number, null, $"The same episode as row {seen[(child, start.Value)]} (child {child}, began {start:dd/MM/yyyy}); it was imported once."));
                continue;
            }
            episodes.Add(new CareEpisode
            {
                YearStart = year, ChildKey = child, Start = start.Value, End = end,
                ReasonNewEpisode = Cut(Text(row, at["RNE"]), 4), LegalStatus = Cut(Text(row, at["LS"]), 4), Placement = Cut(Text(row, at["PLACE"]), 4), ReasonEnded = Cut(Text(row, at["REC"]), 4),
                PlacementDistance = at.TryGetValue("PL_DISTANCE", out var distanceAt) ? Distance(table, row, distanceAt, problems) : null,
            });
        }
        return episodes;
    }

    /// <summary>PL_DISTANCE: the miles between home and placement the DfE works out from the two postcodes, 0.0 to 999.9.
    /// Postcodes themselves are never kept.</summary>
    private static double? Distance(RawTable table, RawRow row, int position, List<ImportProblem> problems)
    {
        var text = Text(row, position);
        if (text.Length == 0) return null;
        if (double.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var miles) && miles <= 999.9)
            return Math.Round(miles, 1);
        problems.Add(new(Severity.Warning, "Not a distance", table.Source, row.Number, "PL_DISTANCE",
            $"'{text}' is not a distance in miles from 0.0 to 999.9; the placement's distance from home is counted as not recorded."));
        return null;
    }

    private static List<CareReview> Reviews(RawTable table, int year, Dictionary<string, CareChild> children, Dictionary<string, DateOnly> birthDates, Dictionary<string, List<CarePeriod>> periods, List<ImportProblem> problems)
    {
        var at = Positions(table, TableKind.Reviews, problems);
        if (at is null) return [];
        var reviews = new List<CareReview>(table.Rows.Count);
        var seen = new Dictionary<(string, DateOnly), int>();
        var yearEnd = ReportingYear.End(year);
        foreach (var row in table.Rows)
        {
            var child = Child(table, row, at, children, problems);
            var date = RequiredDate(table, row, at, "REVIEW", "review date", problems);
            var code = Text(row, at["REVIEW_CODE"]).ToUpperInvariant();
            if (!Codes.Contains(code))
                problems.Add(new(Severity.Error, "Not a participation code", table.Source, row.Number, "REVIEW_CODE",
                    code.Length == 0 ? "The participation code is empty; it must be one of PN0 to PN7." : $"'{code}' is not a participation code; it must be one of PN0 to PN7."));
            if (child is null || date is null || !Codes.Contains(code)) continue;
            if (!seen.TryAdd((child, date.Value), row.Number))
            {
                problems.Add(new(Severity.Warning, "Duplicate review", table.Source, row.Number, null, $"The same review as row {seen[(child, date.Value)]} (child {child} on {date:dd/MM/yyyy}); it was counted once."));
                continue;
            }
            var born = birthDates[child];
            var age = Age(born, date.Value);
            if (code == "PN0" && age >= 4)
                problems.Add(new(Severity.Warning, "PN0 for a child aged 4 or over", table.Source, row.Number, "REVIEW_CODE", $"PN0 is only for a child under 4, but child {child} was {age} on {date:dd/MM/yyyy}. The review is counted; its participation is not."));
            if (at.TryGetValue("DOB", out var dobAt) && Date(row, dobAt) is { } dob && dob != born)
                problems.Add(new(Severity.Warning, "Date of birth differs", table.Source, row.Number, "DOB", $"The date of birth {dob:dd/MM/yyyy} differs from the header table's {born:dd/MM/yyyy}; the header's was used."));
            var childPeriods = periods.GetValueOrDefault(child) ?? [];
            if (childPeriods.Count == 0 || date < childPeriods[0].Start)
                problems.Add(new(Severity.Warning, "Review before care began", table.Source, row.Number, "REVIEW",
                    childPeriods.Count == 0 ? $"Child {child} has no episodes of care, so the review on {date:dd/MM/yyyy} cannot be checked for timeliness." : $"The review on {date:dd/MM/yyyy} is before child {child}'s care began ({childPeriods[0].Start:dd/MM/yyyy}). It is counted as held, not checked for timeliness."));
            else if (!childPeriods.Any(p => p.Contains(date.Value)))
                problems.Add(new(Severity.Warning, "Review while not in care", table.Source, row.Number, "REVIEW", $"The review on {date:dd/MM/yyyy} falls between child {child}'s periods of care. It is counted as held, not checked for timeliness."));
            if (date > yearEnd)
                problems.Add(new(Severity.Warning, "Review after the year", table.Source, row.Number, "REVIEW", $"The review on {date:dd/MM/yyyy} is after the end of the year being imported ({yearEnd:dd/MM/yyyy}). It is kept but not counted in this year's figures."));
            reviews.Add(new CareReview { YearStart = year, ChildKey = child, ReviewDate = date.Value, Code = code, AgedFourOrOver = age >= 4 });
        }
        return reviews;
    }

    private static List<IroAllocation> Allocations(RawTable table, int year, Dictionary<string, CareChild> children, List<ImportProblem> problems)
    {
        var at = Positions(table, TableKind.Allocations, problems);
        if (at is null) return [];
        var allocations = new List<IroAllocation>(table.Rows.Count);
        var seen = new Dictionary<(string, DateOnly), int>();
        foreach (var row in table.Rows)
        {
            var child = Child(table, row, at, children, problems, unknownIs: Severity.Warning);
            var iro = Text(row, at["IRO"]);
            if (iro.Length == 0)
                problems.Add(new(Severity.Error, "IRO missing", table.Source, row.Number, "IRO", "The IRO's name is empty."));
            var from = RequiredDate(table, row, at, "FROM", "date the allocation began", problems);
            DateOnly? to = null;
            if (at.TryGetValue("TO", out var toAt) && Text(row, toAt) is { Length: > 0 } toText)
            {
                to = Date(row, toAt);
                if (to is null) problems.Add(new(Severity.Error, "Not a date", table.Source, row.Number, "TO", $"'{toText}' is not a date in the form dd/mm/yyyy (the date the allocation ended)."));
                else if (from is not null && to < from) { problems.Add(new(Severity.Error, "Allocation ends before it begins", table.Source, row.Number, "TO", $"The allocation ends ({to:dd/MM/yyyy}) before it begins ({from:dd/MM/yyyy}).")); to = null; from = null; }
            }
            double? fte = null;
            if (at.TryGetValue("FTE", out var fteAt) && Text(row, fteAt) is { Length: > 0 } fteText)
            {
                if (double.TryParse(fteText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
                    && value >= IroWorkingTime.MinFte && value <= IroWorkingTime.MaxFte)
                    fte = Math.Round(value, 2);
                else problems.Add(new(Severity.Error, "Not a full-time equivalent", table.Source, row.Number, "FTE",
                    $"'{fteText}' is not a full-time equivalent: give a number from {IroWorkingTime.MinFte} to {IroWorkingTime.MaxFte:0.0}, like 0.8 for four days a week."));
            }
            if (child is null || iro.Length == 0 || from is null) continue;
            if (!seen.TryAdd((child, from.Value), row.Number))
            {
                problems.Add(new(Severity.Warning, "Duplicate allocation", table.Source, row.Number, null, $"Child {child} already has an allocation from {from:dd/MM/yyyy} (row {seen[(child, from.Value)]}); this row was not imported."));
                continue;
            }
            allocations.Add(new IroAllocation { YearStart = year, ChildKey = child, IroName = Cut(iro, 200), From = from.Value, To = to, Fte = fte });
        }
        return allocations;
    }

    public static int Age(DateOnly born, DateOnly on) => on.Year - born.Year - (on < born.AddYears(on.Year - born.Year) ? 1 : 0);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
