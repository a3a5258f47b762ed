using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace IroPortal.AnnualReport.Services;

/// <summary>A section's Markdown, split into text and figures blocks (a line <c>{{figures:review-timeliness}}</c>).</summary>
public abstract record SectionPart;
public sealed record TextPart(MarkdownDocument Document) : SectionPart;
public sealed record FiguresPart(string Kind) : SectionPart;

/// <summary>Turns what managers write into safe HTML: raw HTML is shown as text, links may only go to web
/// pages or email, headings sit below the section's own, and GOV.UK classes are added.</summary>
public static partial class ReportMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().DisableHtml().Build();

    [GeneratedRegex(@"^\s*\{\{\s*figures:([a-z0-9-]+)\s*\}\}\s*$")]
    private static partial Regex FiguresLine();

    public static string Token(string kind) => "{{figures:" + kind + "}}";

    public static IReadOnlyList<string> FigureKinds(string markdown) =>
        Parts(markdown).OfType<FiguresPart>().Select(p => p.Kind).Distinct().ToList();

    public static IReadOnlyList<SectionPart> Parts(string markdown)
    {
        var parts = new List<SectionPart>();
        var text = new StringBuilder();
        void Flush()
        {
            if (text.ToString().Trim().Length > 0) parts.Add(new TextPart(Parse(text.ToString())));
            text.Clear();
        }
        foreach (var line in (markdown ?? "").Replace("\r\n", "\n").Split('\n'))
        {
            if (FiguresLine().Match(line) is { Success: true } match)
            {
                Flush();
                parts.Add(new FiguresPart(match.Groups[1].Value));
            }
            else text.Append(line).Append('\n');
        }
        Flush();
        return parts;
    }

    public static MarkdownDocument Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HeadingBlock heading:
                    // The section title is an h2: the writer's "#" becomes h3, "##" h4.
                    heading.Level = Math.Min(heading.Level + 2, 6);
                    heading.GetAttributes().AddClass(heading.Level == 3 ? "govuk-heading-m" : "govuk-heading-s");
                    break;
                case ParagraphBlock paragraph when paragraph.Parent is not ListItemBlock:
                    paragraph.GetAttributes().AddClass("govuk-body");
                    break;
                case ListBlock list:
                    list.GetAttributes().AddClass(list.IsOrdered ? "govuk-list govuk-list--number" : "govuk-list govuk-list--bullet");
                    break;
                case Markdig.Extensions.Tables.Table table:
                    table.GetAttributes().AddClass("govuk-table");
                    break;
                case LinkInline link:
                    if (!IsSafeUrl(link.Url)) link.Url = "#";
                    if (link.IsImage) link.IsImage = false; // no pictures from elsewhere: they track readers
                    link.GetAttributes().AddClass("govuk-link");
                    break;
                case AutolinkInline autolink when !autolink.IsEmail && !IsSafeUrl(autolink.Url): // an email autolink is kept, so the guard sees it
                    autolink.Url = "#";
                    break;
            }
        }
        return document;
    }

    /// <summary>The section as HTML, each figures block drawn by <paramref name="figures"/>.</summary>
    public static IHtmlContent Render(string markdown, Func<string, IHtmlContent> figures)
    {
        var html = new HtmlContentBuilder();
        foreach (var part in Parts(markdown))
            html.AppendHtml(part switch
            {
                TextPart text => new HtmlString(ScrollingTables(text.Document.ToHtml(Pipeline))),
                FiguresPart block => figures(block.Kind),
                _ => HtmlString.Empty,
            });
        return html;
    }

    [GeneratedRegex(@"<table class=""govuk-table"">\s*<thead>\s*<tr>\s*<th[^>]*>(?<first>.*?)</th>.*?</table>", RegexOptions.Singleline)]
    private static partial Regex WrittenTable();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    /// <summary>Each table the manager wrote in a region of its own that scrolls when the table is wider than the
    /// screen (WCAG 1.4.10), named by its first heading for screen readers and reachable by keyboard.</summary>
    public static string ScrollingTables(string html) => WrittenTable().Replace(html, table =>
    {
        var heading = Tag().Replace(table.Groups["first"].Value, "").Trim();
        return $"<div class=\"app-table-scroll\" role=\"region\" aria-label=\"Table: {(heading.Length > 0 ? heading : "written in the report")}\" tabindex=\"0\">{table.Value}</div>";
    });

    /// <summary>The top-level list items of a section: how next year's report finds this year's priorities.</summary>
    public static IReadOnlyList<string> ListItems(string markdown)
    {
        var items = new List<string>();
        foreach (var list in Markdown.Parse(markdown ?? "", Pipeline).OfType<ListBlock>())
            foreach (var item in list.OfType<ListItemBlock>())
            {
                var text = string.Join(" ", item.Descendants<ParagraphBlock>().Take(1).Select(PlainText)).Trim();
                if (text.Length > 0) items.Add(text);
            }
        return items;
    }

    public static string PlainText(LeafBlock block) =>
        block.Inline is null ? "" : string.Concat(block.Inline.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            LineBreakInline => " ",
            _ => "",
        }));

    private static bool IsSafeUrl(string? url) =>
        string.IsNullOrEmpty(url) || url.StartsWith('#') || url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        || Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "mailto" or "tel";
}
