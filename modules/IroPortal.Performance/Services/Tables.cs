using System.Globalization;
using System.IO.Compression;
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
    public long MaxUncompressedBytes { get; set; } = 400L * 1024 * 1024;
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
        foreach (var fields in ParseCsv(text))
        {
            number++;
            if (headers is null) { headers = fields.Select(h => h.Trim()).ToList(); continue; }
            if (fields.Count == 1 && fields[0].Length == 0) continue; // blank line
            rows.Add(new RawRow(number, [.. fields]));
        }
        return new RawTable(file.Name, headers ?? [], rows);
    }

    /// <summary>RFC 4180: fields in double quotes may hold commas, quotes (doubled) and line breaks.</summary>
    private static IEnumerable<List<string>> ParseCsv(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    yield return fields;
                    fields = [];
                    break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }

    private static IReadOnlyList<RawTable> ReadWorkbook(SourceFile file, UploadLimits limits)
    {
        CheckWorkbook(file, limits);
        using var package = new ExcelPackage(new MemoryStream(file.Content));
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

    /// <summary>Everything checked before the workbook is opened: it is a zip, not too many entries, not too
    /// large once uncompressed, no macros, not encrypted, no XML with a DOCTYPE (entity expansion attacks).</summary>
    public static void CheckWorkbook(SourceFile file, UploadLimits limits)
    {
        var bytes = file.Content;
        if (bytes.Length >= 8 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0)
            throw new RefusedFileException($"{file.Name} is password-protected (encrypted) or in the old Excel format. Remove the password, save it as .xlsx, and upload it again.");
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4)
            throw new RefusedFileException($"{file.Name} is not a real .xlsx workbook (it is not a zip file). Save it from Excel as .xlsx, or upload CSV files.");
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxZipEntries)
                throw new RefusedFileException($"{file.Name} has {zip.Entries.Count} parts inside; a workbook may have at most {limits.MaxZipEntries}. Save just the return's sheets in a new workbook.");
            var total = zip.Entries.Sum(e => e.Length);
            if (total > limits.MaxUncompressedBytes)
                throw new RefusedFileException($"{file.Name} would be {total / (1024 * 1024)} MB once opened; the limit is {limits.MaxUncompressedBytes / (1024 * 1024)} MB.");
            if (zip.Entries.Any(e => e.FullName.Equals("EncryptedPackage", StringComparison.OrdinalIgnoreCase)))
                throw new RefusedFileException($"{file.Name} is password-protected. Remove the password and upload it again.");
            if (zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
                throw new RefusedFileException($"{file.Name} contains macros. Save it as an ordinary .xlsx workbook without macros and upload that.");
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
            {
                using var stream = entry.Open();
                if (PrologHasDoctype(stream))
                    throw new RefusedFileException($"{file.Name} contains XML with a DOCTYPE ({entry.FullName}), which Excel never writes. The file may have been tampered with; it was not opened.");
                if (entry.FullName.Equals("[Content_Types].xml", StringComparison.Ordinal))
                {
                    using var again = entry.Open();
                    using var reader = new StreamReader(again);
                    if (reader.ReadToEnd().Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
                        throw new RefusedFileException($"{file.Name} is a macro-enabled workbook. Save it as an ordinary .xlsx workbook and upload that.");
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new RefusedFileException($"{file.Name} is damaged: it could not be read as a workbook. Save it again from Excel, or upload CSV files.");
        }
    }

    /// <summary>A DOCTYPE can only come before the root element, so only the prolog is read.</summary>
    private static bool PrologHasDoctype(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);
        var prolog = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            prolog.Append(buffer, 0, read);
            var text = prolog.ToString();
            if (text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)) return true;
            // The root element has started once a '<' is followed by a letter.
            for (var i = 0; i + 1 < text.Length; i++)
                if (text[i] == '<' && char.IsLetter(text[i + 1])) return false;
            if (prolog.Length > 1_000_000) return false;
        }
        return false;
    }
}
