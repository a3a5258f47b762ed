using System.Text;
using IroPortal.Performance.Services;
using OfficeOpenXml;

namespace IroPortal.Performance.Tests;

/// <summary>Small returns written in tests, as CSV files or an .xlsx workbook.</summary>
internal static class Data
{
    public static SourceFile Csv(string name, params string[] lines) => new(name, Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));

    public static SourceFile Header(params string[] rows) => Csv("header.csv", ["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", .. rows]);
    public static SourceFile Episodes(params string[] rows) => Csv("episodes.csv", ["CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN", .. rows]);
    public static SourceFile Reviews(params string[] rows) => Csv("reviews.csv", ["CHILD,DOB,REVIEW,REVIEW_CODE", .. rows]);
    public static SourceFile Allocations(params string[] rows) => Csv("allocations.csv", ["CHILD,IRO,FROM,TO", .. rows]);

    public static string Child(string id, string dob) => $"{id},1,{dob},WBRI,,,";
    public static string Episode(string id, string start, string end = "") => $"{id},{start},S,C2,N1,U1,PR1,{end},{(end.Length > 0 ? "E11" : "")},,,,";
    public static string Review(string id, string dob, string on, string code) => $"{id},{dob},{on},{code}";

    /// <summary>The same tables as sheets of one workbook.</summary>
    public static SourceFile Workbook(string name, params SourceFile[] csvs)
    {
        using var package = new ExcelPackage();
        foreach (var csv in csvs)
        {
            var sheet = package.Workbook.Worksheets.Add(Path.GetFileNameWithoutExtension(csv.Name));
            var lines = Encoding.UTF8.GetString(csv.Content).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            for (var r = 0; r < lines.Length; r++)
            {
                var cells = lines[r].Split(',');
                for (var c = 0; c < cells.Length; c++)
                    if (cells[c].Length > 0) sheet.Cells[r + 1, c + 1].Value = cells[c];
            }
        }
        return new SourceFile(name, package.GetAsByteArray());
    }

    /// <summary>A tiny zip with chosen entries, for workbooks that must be refused.</summary>
    public static SourceFile Zip(string name, params (string Path, string Text)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (path, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open());
                writer.Write(text);
            }
        return new SourceFile(name, memory.ToArray());
    }
}
