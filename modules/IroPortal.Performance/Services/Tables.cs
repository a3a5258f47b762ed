using IroPortal.Modularity;
using System.Globalization;
using System.Text;
using OfficeOpenXml;

namespace IroPortal.Performance.Services;

/// <summary>A file as uploaded or named on the command line.</summary>
public sealed record SourceFile(string Name, byte[] Content);

/// <summary>A table read from a CSV file or a worksheet: its header row and its data rows. Row numbers are
/// as a person sees them in the file or sheet (the header is row 1).</summary>
public sealed record RawTable(string Source, IReadOnlyList<string> Headers, IReadOnlyList<RawRow> Rows);

public sealed record RawRow(int Number, object?[] Cells);

public sealed class RefusedFileException(string message) : Exception(message);

public sealed class UploadLimits
{
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;
    public long MaxUncompressedBytes { get; set; } = 200L * 1024 * 1024;
    public int MaxZipEntries { get; set; } = 2000;
}

/// <summary>Reads CSV files and .xlsx workbooks into tables, refusing what is unsafe or unreadable with a
/// message that names the file and says what to do.</summary>
public static class TableReader
{
    public static IReadOnlyList<RawTable> Read(SourceFile file, UploadLimits limits)
    {
        if (file.Content.LongLength > limits.MaxFileBytes)
            throw new RefusedFileException($"{file.Name} is {file.Content.LongLength / (1024 * 1024)} MB; files can be at most {limits.MaxFileBytes / (1024 * 1024)} MB.");
        var extension = Path.GetExtension(file.Name).ToLowerInvariant();
        return extension switch
        {
            ".csv" => [ReadCsv(file)],
            ".xlsx" => ReadWorkbook(file, limits),
            ".xlsm" or ".xltm" => throw new RefusedFileException($"{file.Name} is a macro-enabled workbook. Save it as an ordinary .xlsx workbook (or as CSV files) and upload that."),
            ".xls" => throw new RefusedFileException($"{file.Name} is in the old Excel format. Save it as .xlsx (or as CSV files) and upload that."),
            _ => throw new RefusedFileException($"{file.Name} is not a CSV file or an .xlsx workbook."),
        };
    }

    public static RawTable ReadCsv(SourceFile file)
    {
        var text = Encoding.UTF8.GetString(file.Content);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.IndexOf('\0') >= 0)
            throw new RefusedFileException($"{file.Name} is not a text file. Upload the return's CSV files, or an .xlsx workbook.");
        var rows = new List<RawRow>();
        List<string>? headers = null;
        var number = 0;
        foreach (var fields in Csv.Rows(text))
        {
            number++;
            if (headers is null) { headers = fields.Select(h => h.Trim()).ToList(); continue; }
            if (fields.Length == 1 && fields[0].Length == 0) continue; // blank line
            rows.Add(new RawRow(number, fields)); // read only, so the row's own array of strings serves as its cells
        }
        return new RawTable(file.Name, headers ?? [], rows);
    }

    private static IReadOnlyList<RawTable> ReadWorkbook(SourceFile file, UploadLimits limits)
    {
        var checkedParts = CheckedWorkbook(file, limits);
        try
        {
            return ReadSheets(file, checkedParts);
        }
        catch (Exception ex) when (ex is not RefusedFileException and not OutOfMemoryException)
        {
            // The parts passed every check but the workbook library still could not make sense of them.
            throw new RefusedFileException($"{file.Name} is damaged: it could not be read as a workbook. Save it again from Excel, or upload CSV files.");
        }
    }

    private static IReadOnlyList<RawTable> ReadSheets(SourceFile file, byte[] checkedParts)
    {
        using var package = new ExcelPackage(new MemoryStream(checkedParts));
        var tables = new List<RawTable>();
        foreach (var sheet in package.Workbook.Worksheets)
        {
            if (sheet.Dimension is null) continue;
            var (rowCount, columnCount) = (sheet.Dimension.End.Row, sheet.Dimension.End.Column);
            // One read of the whole block is far faster than a cell at a time.
            var values = sheet.Cells[1, 1, rowCount, columnCount].Value as object?[,] ?? new object?[,] { { sheet.Cells[1, 1].Value } };
            var headers = Enumerable.Range(0, columnCount).Select(c => Convert.ToString(values[0, c], CultureInfo.InvariantCulture)?.Trim() ?? "").ToList();
            var rows = new List<RawRow>(rowCount);
            for (var r = 1; r < rowCount; r++)
            {
                var cells = new object?[columnCount];
                var empty = true;
                for (var c = 0; c < columnCount; c++)
                {
                    cells[c] = values[r, c];
                    empty &= cells[c] is null || cells[c] is string { Length: 0 };
                }
                if (!empty) rows.Add(new RawRow(r + 1, cells));
            }
            tables.Add(new RawTable($"{file.Name}, sheet {sheet.Name}", headers, rows));
        }
        return tables;
    }

    /// <summary>Refused before anything opens it: not a zip, encrypted or the old format. The rest is
    /// <see cref="UploadedWorkbook"/>'s: limits while inflating, headers that disagree, macros, DOCTYPEs.</summary>
    private static byte[] CheckedWorkbook(SourceFile file, UploadLimits limits)
    {
        var bytes = file.Content;
        if (bytes.Length >= 8 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0)
            throw new RefusedFileException($"{file.Name} is password-protected (encrypted) or in the old Excel format. Remove the password, save it as .xlsx, and upload it again.");
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4)
            throw new RefusedFileException($"{file.Name} is not a real .xlsx workbook (it is not a zip file). Save it from Excel as .xlsx, or upload CSV files.");
        return UploadedWorkbook.Unpack(file, limits);
    }
}
