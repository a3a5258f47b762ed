using IroPortal.AnnualReport.Contracts;
using IroPortal.Spreadsheets;

namespace IroPortal.Publishing.Services;

/// <summary>The tables of a release as Excel: a contents sheet, then one sheet a table, with the same numbers
/// the page shows (suppressed ones as "fewer than 5" in the public version).</summary>
public static class ReleaseWorkbook
{
    public static byte[] Build(string title, IReadOnlyList<(string Section, FigureTable Table)> tables)
    {
        using var workbook = new Workbook();
        var contents = workbook.AddSheet("Contents").Header("Sheet", "Table", "Section");
        if (tables.Count == 0) contents.Row("", "This report has no tables of figures.", "");
        var number = 0;
        foreach (var (section, table) in tables)
        {
            var name = $"{++number} {table.Title}";
            name = name.Length > 31 ? name[..31] : name; // Excel's limit on sheet names
            contents.Row(name, table.Title, section);
            var sheet = workbook.AddSheet(name).Header([.. table.Columns]);
            foreach (var row in table.Rows) sheet.Row([.. row.Select(Cell)]);
            if (table.Note is { } note) sheet.Row().Row(note);
        }
        contents.Row().Row(title);
        return workbook.ToBytes();
    }

    /// <summary>Numbers as numbers, so they add up in Excel; "fewer than 5" and percentages as shown.</summary>
    private static object Cell(string text) =>
        !text.EndsWith('%') && double.TryParse(text.Replace(",", ""), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value : text;
}
