using System.Text;
using System.Text.RegularExpressions;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;
using Xunit.Abstractions;

namespace IroPortal.Publishing.Tests;

/// <summary>The privacy guard over a corpus of realistic report text, run through the whole pipeline: an approved
/// report, its board and public versions as they would be published (web page, workbook and the PDF as printed).</summary>
public sealed partial class PrivacyCorpusTests(ITestOutputHelper output)
{
    public sealed record CorpusItem(string Text, IReadOnlyList<string> Identifying);

    public static IReadOnlyList<CorpusItem> Corpus()
    {
        var items = new List<CorpusItem>();
        var text = new StringBuilder();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Corpus", "identifying.txt")))
        {
            if (line.StartsWith("//", StringComparison.Ordinal) && text.Length == 0) continue;
            if (line.StartsWith("=>", StringComparison.Ordinal))
            {
                items.Add(new(text.ToString().TrimEnd('\n'), line[2..].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
                text.Clear();
            }
            else text.Append(line).Append('\n');
        }
        return items;
    }

    private static readonly string[] Sections = ["summary", "monitoring", "disputes", "good-practice", "development"];

    [Fact]
    public async Task Every_identifying_string_in_the_corpus_is_found_in_every_output_or_suppressed_in_public()
    {
        await using var app = new PortalApp(settings: PortalApp.WithPdf());
        const int year = 2033;
        var corpus = Corpus();
        Assert.True(corpus.Count >= 150, $"the corpus has {corpus.Count} items");
        var identifying = corpus.Where(c => c.Identifying.Count > 0).ToList();
        var clean = corpus.Where(c => c.Identifying.Count == 0).ToList();
        // Identifying items spread over four sections; the clean ones in a section of their own.
        var texts = Sections.ToDictionary(s => s, _ => "");
        for (var i = 0; i < identifying.Count; i++) texts[Sections[i % 4]] += identifying[i].Text + "\n\n";
        texts["development"] = string.Concat(clean.Select(c => c.Text + "\n\n"));
        await Reports.ApproveAsync(app, year, texts);
        await app.InDatabase(async db =>
        {
            foreach (var person in (string[])["Grace Murphy", "Daniel Okafor"])
                if (!db.Set<ApprovedName>().Any(n => n.Name == person)) db.Add(new ApprovedName { Id = Guid.NewGuid(), Name = person, IsPerson = true, AddedByName = "Test" });
            return await db.SaveChangesAsync();
        });

        var (board, @public, boardPdf, publicPdf, pdfText, cleanAnchor) = await app.InScope<PublishingService, (GuardState, GuardState, IReadOnlyList<GuardFinding>, IReadOnlyList<GuardFinding>, string, string)>(async p =>
        {
            var report = (await p.ApprovedAsync(year))!;
            var rules = await p.RulesAsync();
            var printer = app.Services.GetService(typeof(PdfPrinter)) as PdfPrinter;
            var b = await p.CheckAsync(report, Audience.Board);
            var pub = await p.CheckAsync(report, Audience.Public);
            var bPdf = await printer!.PrintAsync("Board", "", b.Draft.Sections);
            var pPdf = await printer.PrintAsync("Public", "", pub.Draft.Sections);
            Assert.NotNull(bPdf.Pdf);
            Assert.NotNull(pPdf.Pdf);
            AssertContentsNumbersShow(pPdf.Pdf!, pub.Draft.Sections.Count);
            var text = string.Join("\n", PublishedText.FromPdf(bPdf.Pdf!, b.Draft.Sections.Select(s => (s.Anchor, s.Title)).ToList()).Select(t => t.Text));
            return (b, pub, ReleaseComposer.ReadPdf(bPdf.Pdf!, b.Draft.Sections, rules), ReleaseComposer.ReadPdf(pPdf.Pdf!, pub.Draft.Sections, rules),
                text, report.Sections.Single(s => s.Key == "development").Anchor);
        });

        var publicHtml = string.Concat(@public.Draft.Sections.Select(s => s.Html));
        var missed = new List<string>();
        var expected = 0;
        foreach (var item in identifying)
            foreach (var id in item.Identifying)
            {
                expected++;
                if (IsSmallCount(id))
                {
                    // Public: suppressed where it stood; the board keeps the number.
                    if (!@public.Findings.Any(f => f.Finding.Effect == FindingEffect.Suppressed && (f.Finding.Text.Equals(id, StringComparison.OrdinalIgnoreCase) || f.Finding.Text.StartsWith(id + " in the row", StringComparison.Ordinal))))
                        missed.Add($"not suppressed in public: \u201c{id}\u201d in \u201c{item.Text}\u201d");
                    if (id.Contains(' ') && publicHtml.Contains(id, StringComparison.OrdinalIgnoreCase))
                        missed.Add($"still in the public page: \u201c{id}\u201d");
                    continue;
                }
                // The PDF prints a link's words, not a tel: address: what is not in it cannot leak from it.
                var inPdf = pdfText.Contains(id, StringComparison.Ordinal);
                foreach (var (name, findings, applies) in new[] { ("board web page", Blocking(board), true), ("public web page", Blocking(@public), true), ("board PDF", Blocking(boardPdf), inPdf), ("public PDF", Blocking(publicPdf), inPdf) })
                    if (applies && !findings.Any(f => Covers(f, id))) missed.Add($"{name}: \u201c{id}\u201d in \u201c{item.Text}\u201d");
            }
        var falsePositives = Blocking(@public).Where(f => f.Anchor == cleanAnchor).ToList();
        output.WriteLine($"Privacy corpus: {corpus.Count} items ({identifying.Count} identifying, {clean.Count} not), {expected} identifying strings.");
        output.WriteLine($"Recall in every output: {(expected * 4 - missed.Count) / (double)(expected * 4):P1}; missed {missed.Count}.");
        output.WriteLine($"False findings in the {clean.Count} clean items: {falsePositives.Count} ({string.Join(", ", falsePositives.Select(f => f.Text))}).");
        foreach (var miss in missed) output.WriteLine("MISSED " + miss);
        Assert.Empty(missed);
        Assert.Empty(falsePositives);

        // Nothing is published while any of it stands.
        var manager = await app.SignedInClient(Reports.Manager);
        await manager.PostFormAsync($"/publishing/{year}/public", new() { ["Public.ChangeNote"] = "" }, $"/publishing/{year}");
        Assert.Equal(0, await app.InDatabase(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<Release>(), r => r.YearStart == year)));
    }

    /// <summary>The PDF's contents list shows two-digit section numbers whole, inside the page's margin.</summary>
    private static void AssertContentsNumbersShow(byte[] pdf, int sections)
    {
        Assert.True(sections >= 10, $"only {sections} sections");
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var first = document.GetPage(1);
        var words = first.GetWords().ToList();
        for (var n = 10; n <= sections; n++)
        {
            var number = words.FirstOrDefault(w => w.Text == $"{n}.");
            Assert.True(number is not null, $"the contents list has no \u201c{n}.\u201d: {string.Join(" ", words.Select(w => w.Text))}");
            Assert.True(number!.BoundingBox.Left >= 18 / 25.4 * 72 - 1, $"\u201c{n}.\u201d starts at {number.BoundingBox.Left:0} pt, outside the page's margin");
        }
    }

    private static IReadOnlyList<GuardFinding> Blocking(GuardState state) => [.. state.Findings.Where(f => f.Outstanding).Select(f => f.Finding)];
    private static IReadOnlyList<GuardFinding> Blocking(IReadOnlyList<GuardFinding> findings) => [.. findings.Where(f => f.Effect == FindingEffect.Blocks)];

    private static bool Covers(GuardFinding finding, string identifying) =>
        finding.Text.Contains(identifying, StringComparison.Ordinal) || identifying.Contains(finding.Text, StringComparison.Ordinal);

    private static bool IsSmallCount(string id) => SmallNumber().IsMatch(id) || Suppression.SmallCount().IsMatch(id);

    [GeneratedRegex(@"^[1-4]$")]
    private static partial Regex SmallNumber();
}

/// <summary>How often the guard stops at something that identifies nobody, on report prose without identifiers.</summary>
public sealed class PrivacyFalseFindingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Plain_report_prose_and_the_demo_reports_give_at_most_2_findings_per_1000_words()
    {
        await using var app = new PortalApp();
        const int year = 2034;
        var prose = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Corpus", "report-prose.md"));
        var parts = prose.Split("\n### ");
        var keys = new[] { "summary", "service", "monitoring", "disputes", "voices", "good-practice", "development" };
        var texts = keys.ToDictionary(k => k, k => string.Join("\n### ", parts.Where((_, i) => i % keys.Length == Array.IndexOf(keys, k))));
        await Reports.ApproveAsync(app, year, texts);

        var (words, findings) = await app.InScope<PublishingService, (int, List<GuardFinding>)>(async p =>
        {
            var words = 0;
            var found = new List<GuardFinding>();
            foreach (var y in await app.InScope<IroPortal.AnnualReport.Contracts.IApprovedReports, IReadOnlyList<int>>(r => r.ApprovedYearsAsync()))
            {
                var state = await p.CheckAsync((await p.ApprovedAsync(y))!, Audience.Board);
                words += state.Draft.Sections.Sum(s => PublishedText.Parse(s.Html).Body!.TextContent.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length);
                found.AddRange(state.Findings.Where(f => f.Outstanding).Select(f => f.Finding));
            }
            return (words, found);
        });
        var perThousand = findings.Count * 1000.0 / words;
        output.WriteLine($"False findings: {findings.Count} in {words} words of report prose and the demo's reports: {perThousand:0.00} per 1,000 words (aim at most 2).");
        foreach (var f in findings) output.WriteLine($"  \u201c{f.Text}\u201d ({f.Kind}) in {f.Where}");
        Assert.True(words > 2000, $"only {words} words were read");
        Assert.True(perThousand <= 2, $"{perThousand:0.00} false findings per 1,000 words");
    }
}
