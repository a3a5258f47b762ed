using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using IroPortal.Spreadsheets;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace IroPortal.Publishing.Services;

/// <summary>
/// What a person or a program reads in each published output, for the privacy guard: the HTML's text, block by
/// block, and every attribute that is read out or followed (alt, title, aria-label, link and image targets with
/// <c>mailto:</c> and <c>tel:</c>, meta tags); the PDF's text as printed, page by page; every cell of the workbook.
/// </summary>
public static class PublishedText
{
    public const string WebPage = "web page";
    public const string Pdf = "PDF";
    public const string WorkbookOutput = "workbook";
    public const string FrontMatter = "The title page and contents";

    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = false });

    // Elements whose text reads as one piece: a name split over <strong> and plain text is still one name.
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "caption", "dt", "dd", "figcaption", "blockquote", "div", "section",
        "title", "text", "desc", "label", "summary", "legend", "option", "button", "body", "figure", "nav", "main", "header", "footer", "aside", "table", "tr",
    };

    private static readonly Dictionary<string, string> ReadAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["alt"] = "a picture's description (alt text)", ["title"] = "a tooltip (title)", ["aria-label"] = "a label read by screen readers",
        ["aria-description"] = "a description read by screen readers", ["aria-roledescription"] = "a description read by screen readers",
        ["aria-valuetext"] = "a value read by screen readers", ["placeholder"] = "a placeholder", ["value"] = "a value", ["content"] = "a meta tag",
        ["label"] = "a label", ["abbr"] = "a table heading's short form", ["summary"] = "a table summary", ["href"] = "a link's address",
        ["src"] = "a picture's address", ["srcset"] = "a picture's address", ["cite"] = "a quotation's source", ["action"] = "a form's address",
        ["poster"] = "a video's picture", ["download"] = "a download's file name", ["data"] = "an object's address", ["xlink:href"] = "a link's address",
    };

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument($"<!DOCTYPE html><html><head></head><body>{html}</body></html>");

    public static IEnumerable<IText> TextNodes(INode root) => root.Descendants<IText>();

    /// <summary>The HTML of a published output, read in full.</summary>
    /// <param name="sections">Anchor to title: which section each part of the page belongs to.</param>
    public static IEnumerable<GuardText> FromHtml(string html, IReadOnlyDictionary<string, string> sections, string output = WebPage)
    {
        var document = Parser.ParseDocument(html);
        (string Where, string Anchor) SectionOf(INode node)
        {
            for (var e = node as IElement ?? node.ParentElement; e is not null; e = e.ParentElement)
                if (e.LocalName == "section" && e.Id is { } id && sections.TryGetValue(id, out var title)) return (title, id);
            return (FrontMatter, "");
        }

        var pieces = new Dictionary<IElement, StringBuilder>();
        var order = new List<IElement>();
        foreach (var node in document.Descendants<IText>())
        {
            if (node.ParentElement is not { } parent || parent.LocalName is "script" or "style") continue;
            var block = parent;
            while (!Blocks.Contains(block.LocalName) && block.ParentElement is { } up) block = up;
            if (!pieces.TryGetValue(block, out var text)) { pieces[block] = text = new StringBuilder(); order.Add(block); }
            // Text of another element is read apart ("<span>Warning</span>There" is heard as two words).
            else if (node.PreviousSibling is not IText) text.Append(' ');
            text.Append(node.Data);
        }
        foreach (var block in order)
        {
            var text = pieces[block].ToString();
            if (text.Trim().Length == 0) continue;
            var (where, anchor) = SectionOf(block);
            yield return new(where, anchor, text, output, "text");
        }
        foreach (var element in document.All)
            foreach (var attribute in element.Attributes)
            {
                if (!ReadAttributes.TryGetValue(attribute.Name, out var place) || attribute.Value.Trim().Length == 0) continue;
                if (attribute.Name == "content" && element.LocalName != "meta") continue;
                if (IsPortalAsset(attribute.Value)) continue;
                var (where, anchor) = SectionOf(element);
                yield return new(where, anchor, Readable(attribute.Name, attribute.Value), output, place);
            }
    }

    /// <summary>The portal's own pictures and styles ("/_content/IroPortal.Publishing/pictures/iro.svg") and its links to
    /// a report's sections: nobody's words.</summary>
    private static bool IsPortalAsset(string value) =>
        value.StartsWith("/_content/", StringComparison.Ordinal) || value.StartsWith("/lib/", StringComparison.Ordinal) || value.StartsWith("#section-", StringComparison.Ordinal);

    /// <summary>An address as the guard reads it: percent-escapes undone, <c>mailto:</c> and <c>tel:</c> taken off,
    /// the parts of a path and query as words.</summary>
    private static string Readable(string name, string value)
    {
        if (name is not ("href" or "src" or "srcset" or "cite" or "action" or "data" or "xlink:href" or "poster")) return value;
        string decoded;
        try { decoded = Uri.UnescapeDataString(value); }
        catch (UriFormatException) { decoded = value; }
        foreach (var scheme in (string[])["mailto:", "tel:", "sms:", "callto:"])
            if (decoded.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return decoded[scheme.Length..].Replace('?', ' ').Replace('&', ' ');
        return decoded + " " + decoded.Replace('/', ' ').Replace('?', ' ').Replace('&', ' ').Replace('=', ' ').Replace('_', ' ');
    }

    /// <summary>The PDF's text as a reader's PDF program shows it, page by page. A section starts on a new page
    /// with its title, which is how a page is named by its section.</summary>
    public static IEnumerable<GuardText> FromPdf(byte[] pdf, IReadOnlyList<(string Anchor, string Title)> sections)
    {
        var results = new List<GuardText>();
        using var document = PdfDocument.Open(pdf);
        var (where, anchor) = (FrontMatter, "");
        foreach (var page in document.GetPages())
        {
            var text = ContentOrderTextExtractor.GetText(page);
            var top = string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3));
            var starting = page.Number == 1 ? [] : sections.Where(s => top.StartsWith(s.Title, StringComparison.Ordinal)).ToList();
            if (starting.Count > 0) (where, anchor) = starting.Select(s => (s.Title, s.Anchor)).MaxBy(s => s.Title.Length);
            results.Add(new(where, anchor, text, Pdf, $"page {page.Number}"));
        }
        return results;
    }

    /// <summary>Every cell of the workbook, each sheet named by the section its table comes from.</summary>
    public static IEnumerable<GuardText> FromWorkbook(byte[] xlsx, IReadOnlyDictionary<string, (string Where, string Anchor)> sheets)
    {
        foreach (var cell in Workbook.ReadAll(xlsx))
        {
            var (where, anchor) = sheets.TryGetValue(cell.Sheet, out var section) ? section : (FrontMatter, "");
            yield return new(where, anchor, cell.Text, WorkbookOutput, cell.Sheet.Length == 0 ? cell.Place : $"sheet \u201c{cell.Sheet}\u201d, {cell.Place}");
        }
    }
}
