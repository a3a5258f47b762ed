using IroPortal.AnnualReport.Contracts;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using IroPortal.AnnualReport.Models;
using IroPortal.Modularity;
using IroPortal.Spreadsheets;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdTable = Markdig.Extensions.Tables.Table;
using MdTableRow = Markdig.Extensions.Tables.TableRow;
using MdTableCell = Markdig.Extensions.Tables.TableCell;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace IroPortal.AnnualReport.Services;

/// <summary>The report as a Word document (for board papers that go through Word) and its figures as Excel.</summary>
public static class ReportExports
{
    public const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] ToExcel(Report report, IReadOnlyDictionary<string, FigureTable> figures, string council)
    {
        using var workbook = new Workbook();
        var contents = workbook.AddSheet("Contents").Header("Sheet", "Figures", "Section");
        var used = UsedBlocks(report);
        if (used.Count == 0) contents.Row("", "This report has no figures blocks yet.", "");
        var number = 0;
        foreach (var (section, kind) in used)
        {
            if (!figures.TryGetValue(kind, out var table)) continue;
            var name = $"{++number} {table.Title}";
            name = name.Length > 31 ? name[..31] : name; // Excel's limit on sheet names
            contents.Row(name, table.Title, section.Title);
            var sheet = workbook.AddSheet(name).Header([.. table.Columns]);
            foreach (var row in table.Rows) sheet.Row([.. row.Select(Cell)]);
            if (table.Note is { } note) sheet.Row().Row(note);
        }
        contents.Row().Row($"{council}, IRO annual report {ReportingYear.Name(report.YearStart)}, {(report.Status == ReportStatus.Approved ? "as approved" : "draft: figures as they are today")}");
        return workbook.ToBytes();
    }

    /// <summary>Numbers as numbers, so Excel can add them up; everything else as text.</summary>
    private static object Cell(string text) =>
        double.TryParse(text.Replace(",", ""), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) && !text.EndsWith('%')
            ? value : text;

    private static List<(ReportSection Section, string Kind)> UsedBlocks(Report report) =>
        report.Sections.OrderBy(s => s.Position).SelectMany(s => ReportMarkdown.FigureKinds(s.Body).Select(k => (s, k))).ToList();

    public static byte[] ToWord(Report report, IReadOnlyDictionary<string, FigureTable> figures, string council)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Para($"{council}: Independent Reviewing Officer service", "Title"));
            body.Append(Para($"Annual report, {ReportingYear.Name(report.YearStart)}", "Subtitle"));
            body.Append(Para(report.Status == ReportStatus.Approved
                ? $"Approved {UkTime.Format(report.ApprovedUtc)} by {report.ApprovedByName}."
                : $"{ReportWorkflow.Name(report.Status)}, version {report.CurrentVersion}: not yet approved; figures are as they are today.", null));
            foreach (var section in report.Sections.OrderBy(s => s.Position))
            {
                body.Append(Para(section.Title, "Heading1"));
                foreach (var part in ReportMarkdown.Parts(section.Body))
                {
                    if (part is TextPart text) AppendBlocks(body, text.Document);
                    else if (part is FiguresPart block && figures.TryGetValue(block.Kind, out var table)) AppendFigures(body, table);
                }
                if (section.Key == ReportOutline.ProgressLast)
                    foreach (var item in report.Progress.OrderBy(p => p.Position))
                    {
                        body.Append(Para(item.Priority, "Heading3"));
                        foreach (var line in item.Detail.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                            body.Append(Para(line, null));
                        body.Append(Para(item.Update.Length > 0 ? item.Update : "Update to follow.", null));
                    }
            }
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void AppendBlocks(Body body, ContainerBlock container)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    body.Append(Runs(heading.Inline, heading.Level <= 3 ? "Heading2" : "Heading3"));
                    break;
                case ParagraphBlock paragraph:
                    body.Append(Runs(paragraph.Inline, null));
                    break;
                case ListBlock list:
                    var n = 0;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        n++;
                        foreach (var p in item.OfType<ParagraphBlock>())
                        {
                            var para = Runs(p.Inline, "ListParagraph");
                            para.PrependChild(new Run(new Text(list.IsOrdered ? $"{n}. " : "\u2022 ") { Space = SpaceProcessingModeValues.Preserve }));
                            body.Append(para);
                        }
                    }
                    break;
                case QuoteBlock quote:
                    AppendBlocks(body, quote);
                    break;
                case MdTable table:
                    var rows = table.OfType<MdTableRow>().Select(r => r.OfType<MdTableCell>().Select(c => string.Join(" ", c.OfType<ParagraphBlock>().Select(ReportMarkdown.PlainText))).ToList()).ToList();
                    if (rows.Count > 0) body.Append(Table(rows[0], rows.Skip(1).ToList()));
                    break;
                case LeafBlock leaf:
                    body.Append(Para(leaf.Lines.ToString(), null));
                    break;
            }
        }
    }

    private static void AppendFigures(Body body, FigureTable table)
    {
        body.Append(Para(table.Title, "Heading3"));
        if (table.Rows.Count > 0) body.Append(Table(table.Columns, table.Rows));
        if (table.Note is { } note || table.Rows.Count == 0) body.Append(Para(table.Note ?? "No figures for this year.", null));
    }

    private static Paragraph Runs(ContainerInline? inlines, string? style)
    {
        var paragraph = new Paragraph();
        if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        if (inlines is null) return paragraph;
        foreach (var inline in inlines.Descendants<Inline>())
        {
            var text = inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                LineBreakInline => " ",
                _ => null,
            };
            if (text is null) continue;
            var properties = new RunProperties();
            for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
                if (parent is EmphasisInline emphasis)
                {
                    if (emphasis.DelimiterCount >= 2) properties.Append(new Bold());
                    else properties.Append(new Italic());
                }
            paragraph.Append(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }
        return paragraph;
    }

    private static Paragraph Para(string text, string? style)
    {
        var paragraph = new Paragraph();
        if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static WordTable Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new WordTable(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        TableRow Row(IEnumerable<string> cells, bool head)
        {
            var row = new TableRow();
            if (head) row.Append(new TableRowProperties(new TableHeader()));
            foreach (var cell in cells)
            {
                var run = new Run(new Text(cell) { Space = SpaceProcessingModeValues.Preserve });
                if (head) run.PrependChild(new RunProperties(new Bold()));
                row.Append(new TableCell(new Paragraph(run)));
            }
            return row;
        }
        table.Append(Row(header, true));
        foreach (var row in rows) table.Append(Row(row, false));
        return table;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        Style Heading(string id, string name, int size, int outline) => new(
            new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = outline }),
            new StyleRunProperties(new Bold(), new FontSize { Val = size.ToString() }))
        { Type = StyleValues.Paragraph, StyleId = id };
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Arial", HighAnsi = "Arial" }, new FontSize { Val = "24" })),
                new ParagraphPropertiesDefault(new SpacingBetweenLines { After = "120" })),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Title", "Title", 48, 0), Heading("Subtitle", "Subtitle", 32, 1),
            Heading("Heading1", "heading 1", 36, 0), Heading("Heading2", "heading 2", 28, 1), Heading("Heading3", "heading 3", 24, 2),
            new Style(new StyleName { Val = "List Paragraph" }, new BasedOn { Val = "Normal" }, new StyleParagraphProperties(new Indentation { Left = "360" }))
            { Type = StyleValues.Paragraph, StyleId = "ListParagraph" });
        styles.Styles.Save();
    }
}
