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
}

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
