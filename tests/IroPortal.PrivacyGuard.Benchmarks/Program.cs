using System.Diagnostics;
using IroPortal.AnnualReport.Contracts;
using IroPortal.AnnualReport.Services;
using IroPortal.Modularity;
using IroPortal.Publishing.Services;
using IroPortal.Testing;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// The privacy guard over a 20,000-word report: the web page's HTML (every text and readable attribute), every cell
// of the workbook, and the PDF's text as printed by Chromium. Prints the time of each reading (median of five),
// their total against the aim of 2 s, and the findings, so that a faster guard that finds less shows.
//   dotnet run -c Release --project tests/IroPortal.PrivacyGuard.Benchmarks
const int Words = 20_000;
const double AimSeconds = 2.0;
var corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");
var prose = File.ReadAllText(Path.Combine(corpus, "report-prose.md"));
var identifying = File.ReadAllLines(Path.Combine(corpus, "identifying.txt")).Where(l => l.Length > 0 && !l.StartsWith("//") && !l.StartsWith("=>")).ToList();

// Report prose with a sentence of the corpus after every paragraph, in sections of about 1,500 words, up to 20,000 words.
var sections = new List<ReleaseSection>();
var paragraphs = prose.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
var markdown = new System.Text.StringBuilder();
var words = 0;
for (var i = 0; words < Words; i++)
{
    var paragraph = paragraphs[i % paragraphs.Length] + "\n\n" + identifying[i % identifying.Count] + "\n\n";
    markdown.Append(paragraph);
    words += paragraph.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
    if (markdown.Length > 10_000 || words >= Words)
    {
        var n = sections.Count + 1;
        sections.Add(new($"section-{n:x12}", $"Section {n}", ReleaseComposer.ToHtml(ReportMarkdown.Render(markdown.ToString(), _ => HtmlString.Empty))));
        markdown.Clear();
    }
}
var tables = Enumerable.Range(1, 12).Select(t => new ReleaseTable($"Section {t}", $"section-{t:x12}",
    new FigureTable($"table-{t}", $"Table {t}", null, ["IRO", "Children", "Reviews"], [.. Enumerable.Range(1, 40).Select(r => (IReadOnlyList<string>)[$"Row {r}", $"{r * 3}", $"{r * 7}"])], null))).ToList();
var rules = new GuardRules(new ApprovedNames(["Helen Carter", "Grace Murphy", "Daniel Okafor"], ["Northmoor", "Northmoor Council"], ["iro.service@northmoor.example"]), CaseReferences.Usual);
const string title = "Northmoor Council: Independent Reviewing Officer annual report 2025 to 2026";
var workbook = ReleaseWorkbook.Build(title, tables);

// The portal's own printer, without the portal around it (no theme styles: the text is what the guard reads).
var pdfOptions = Options.Create(new PdfOptions { ChromiumPath = PortalApp.ChromiumPath });
await using var browser = new PdfBrowser(pdfOptions, TimeProvider.System);
var printer = new PdfPrinter(pdfOptions, browser, new BareEnvironment(), NullLogger<PdfPrinter>.Instance);
var print = Stopwatch.StartNew();
var pdf = (await printer.PrintAsync(title, "Benchmark", sections)).Pdf ?? throw new InvalidOperationException("Chromium did not print the PDF: install Debian's chromium.");
print.Stop();

// Warm up (JIT, the dictionary's first load), then five timed runs.
ReleaseComposer.Read(title, sections, workbook, ReleaseWorkbook.Sheets(tables), rules);
ReleaseComposer.ReadPdf(pdf, sections, rules);
var pageAndWorkbook = new List<double>();
var pdfReading = new List<double>();
IReadOnlyList<GuardFinding> pageFindings = [], pdfFindings = [];
for (var run = 0; run < 5; run++)
{
    var watch = Stopwatch.StartNew();
    pageFindings = ReleaseComposer.Read(title, sections, workbook, ReleaseWorkbook.Sheets(tables), rules);
    pageAndWorkbook.Add(watch.Elapsed.TotalSeconds);
    watch.Restart();
    pdfFindings = ReleaseComposer.ReadPdf(pdf, sections, rules);
    pdfReading.Add(watch.Elapsed.TotalSeconds);
}
static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
var total = Median(pageAndWorkbook) + Median(pdfReading);
Console.WriteLine($"Report: {words:N0} words in {sections.Count} sections, {tables.Count} tables of figures; PDF {pdf.Length / 1024:N0} KB, printed in {print.Elapsed.TotalSeconds:0.00} s (not the guard's time).");
Console.WriteLine($"web page and workbook  {Median(pageAndWorkbook),6:0.000} s   {pageFindings.Count,5} findings");
Console.WriteLine($"PDF as printed         {Median(pdfReading),6:0.000} s   {pdfFindings.Count,5} findings");
Console.WriteLine($"guard, all outputs     {total,6:0.000} s   ratio to the aim of {AimSeconds:0} s: {total / AimSeconds:0.00} {(total <= AimSeconds ? "met" : "NOT met")}");
Console.WriteLine($"peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB");
return total <= AimSeconds ? 0 : 1;
