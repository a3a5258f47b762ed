using OfficeOpenXml;
using OfficeOpenXml.Style;

namespace IroPortal.Spreadsheets;

/// <summary>An .xlsx download: one or more sheets of a header row and data rows.</summary>
public sealed class Workbook : IDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly ExcelPackage _package = new();

    public Sheet AddSheet(string name) => new(_package.Workbook.Worksheets.Add(name));

    public byte[] ToBytes() => _package.GetAsByteArray();

    public void Dispose() => _package.Dispose();

    /// <summary>Everything a reader of the file can see: each sheet's name, every cell's text (values and formulas)
    /// and comments, and the document's properties.</summary>
    public static IEnumerable<WorkbookText> ReadAll(byte[] xlsx)
    {
        using var package = new ExcelPackage(new MemoryStream(xlsx));
        var book = package.Workbook;
        var properties = book.Properties;
        foreach (var (name, value) in new[] { ("title", properties.Title), ("subject", properties.Subject), ("author", properties.Author),
                     ("comments", properties.Comments), ("keywords", properties.Keywords), ("company", properties.Company), ("manager", properties.Manager) })
            if (!string.IsNullOrWhiteSpace(value)) yield return new("", $"the document's {name}", value);
        foreach (var sheet in book.Worksheets)
        {
            yield return new(sheet.Name, "the sheet's name", sheet.Name);
            if (sheet.Dimension is null) continue;
            foreach (var cell in sheet.Cells[sheet.Dimension.Address])
            {
                var text = cell.Value?.ToString() ?? "";
                if (text.Length > 0) yield return new(sheet.Name, $"cell {cell.Address}", text);
                if (!string.IsNullOrEmpty(cell.Formula)) yield return new(sheet.Name, $"cell {cell.Address}", cell.Formula);
                if (cell.Comment?.Text is { Length: > 0 } comment) yield return new(sheet.Name, $"the comment on {cell.Address}", comment);
            }
        }
    }
}

/// <param name="Sheet">The sheet's name; empty for the document's own properties.</param>
/// <param name="Place">Where in the sheet: "cell B3".</param>
public sealed record WorkbookText(string Sheet, string Place, string Text);

public sealed class Sheet
{
    private const int MaxWidth = 60;
    private readonly ExcelWorksheet _sheet;
    private readonly List<int> _widths = [];
    private int _row;

    internal Sheet(ExcelWorksheet sheet) => _sheet = sheet;

    /// <summary>A bold header row, frozen so it stays in view.</summary>
    public Sheet Header(params string[] headings)
    {
        Row(headings);
        _sheet.Row(_row).Style.Font.Bold = true;
        _sheet.View.FreezePanes(_row + 1, 1);
        return this;
    }

    public Sheet Row(params object?[] values)
    {
        _row++;
        for (var i = 0; i < values.Length; i++)
        {
            var cell = _sheet.Cells[_row, i + 1];
            var shown = Write(cell, values[i]);
            while (_widths.Count <= i) _widths.Add(8);
            _widths[i] = Math.Min(MaxWidth, Math.Max(_widths[i], shown.Length + 2));
            _sheet.Column(i + 1).Width = _widths[i];
        }
        return this;
    }

    private static string Write(ExcelRange cell, object? value)
    {
        switch (value)
        {
            case null:
                return "";
            case DateOnly date:
                cell.Value = date.ToDateTime(TimeOnly.MinValue);
                cell.Style.Numberformat.Format = "d mmm yyyy";
                return "00 Mmm 0000";
            case DateTime time:
                cell.Value = time;
                cell.Style.Numberformat.Format = "d mmm yyyy hh:mm";
                return "00 Mmm 0000 00:00";
            case int or long or decimal or double:
                cell.Value = value;
                return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            default:
                var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                cell.Value = text;
                // Text someone typed that looks like a formula is shown as text, never evaluated.
                if (LooksLikeFormula(text)) cell.Style.QuotePrefix = true;
                cell.Style.WrapText = text.Length > MaxWidth;
                cell.Style.VerticalAlignment = ExcelVerticalAlignment.Top;
                return text;
        }
    }

    public static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
