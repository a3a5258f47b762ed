using IroPortal.AnnualReport.Contracts;
using IroPortal.Spreadsheets;

namespace IroPortal.Publishing.Services;

/// <summary>A figures table of a release, with the section it stands in.</summary>
public sealed record ReleaseTable(string Section, string Anchor, FigureTable Table);

/// <summary>The tables of a release as Excel: a contents sheet, then one sheet a table, with the same numbers
/// the page shows (suppressed ones as "fewer than 5" in the public version).</summary>
public static class ReleaseWorkbook
{
    public static byte[] Build(string title, IReadOnlyList<ReleaseTable> tables)
    {
        using var workbook = new Workbook();
        var contents = workbook.AddSheet("Contents").Header("Sheet", "Table", "Section");
        if (tables.Count == 0) contents.Row("", "This report has no tables of figures.", "");
        foreach (var (table, number) in tables.Select((t, i) => (t.Table, i + 1)))
        {
            var name = SheetName(number, table);
            contents.Row(name, table.Title, tables[number - 1].Section);
            var sheet = workbook.AddSheet(name).Header([.. table.Columns]);
            foreach (var row in table.Rows) sheet.Row([.. row.Select(Cell)]);
            if (table.Note is { } note) sheet.Row().Row(note);
        }
        contents.Row().Row(title);
        return workbook.ToBytes();
    }

    /// <summary>Which section each sheet's table comes from, so the privacy guard can say where a cell belongs.</summary>
    public static IReadOnlyDictionary<string, (string Where, string Anchor)> Sheets(IReadOnlyList<ReleaseTable> tables) =>
        tables.Select((t, i) => (Name: SheetName(i + 1, t.Table), t)).ToDictionary(s => s.Name, s => (s.t.Section, s.t.Anchor));

    private static string SheetName(int number, FigureTable table)
    {
        var name = $"{number} {table.Title}";
        return name.Length > 31 ? name[..31] : name; // Excel's limit on sheet names
    }

    /// <summary>Numbers as numbers, so they add up in Excel; "fewer than 5" and percentages as shown.</summary>
    private static object Cell(string text) =>
        !text.EndsWith('%') && double.TryParse(text.Replace(",", ""), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value : text;
}
