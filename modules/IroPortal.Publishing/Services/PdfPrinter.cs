using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace IroPortal.Publishing.Services;

public sealed class PdfOptions
{
    /// <summary>Headless Chromium that prints the PDFs: Debian's package by default.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";
    public int TimeoutSeconds { get; set; } = 60;
}

/// <param name="Pdf">Null when it could not be printed; <paramref name="Problem"/> then says why, for readers.</param>
public sealed record PrintResult(byte[]? Pdf, string? Problem);

/// <summary>Prints a release to an A4 PDF with headless Chromium, from the same HTML the page shows: contents,
/// page numbers in the footer, tagged for screen readers and with an outline of the headings.</summary>
public sealed class PdfPrinter(IOptions<PdfOptions> options, PdfBrowser browser, IWebHostEnvironment environment, ILogger<PdfPrinter> log)
{
    public const string NotInstalled = "The PDF could not be made because Chromium is not installed on the portal's server. Everything on this page is also in the web version.";
    public const string Failed = "The PDF could not be made when this was published. Everything on this page is also in the web version.";

    public bool IsAvailable => File.Exists(options.Value.ChromiumPath);

    public async Task<PrintResult> PrintAsync(string title, string subtitle, IReadOnlyList<ReleaseSection> sections, CancellationToken cancellationToken = default)
    {
        if (!IsAvailable) return new(null, NotInstalled);
        try
        {
            return new(await browser.WithBrowserAsync(async chromium =>
            {
                // A context of its own for each print: nothing of one document reaches another.
                await using var context = await chromium.NewContextAsync();
                var page = await context.NewPageAsync();
                await page.SetContentAsync(Document(title, subtitle, sections, await ThemeCssAsync()), new() { Timeout = options.Value.TimeoutSeconds * 1000 });
                return await page.PdfAsync(new()
                {
                    Format = "A4",
                    PrintBackground = true,
                    Tagged = true,
                    Outline = true,
                    DisplayHeaderFooter = true,
                    HeaderTemplate = "<span></span>",
                    FooterTemplate = $"<div style=\"font-size:9px;width:100%;text-align:center;font-family:Arial,sans-serif\">{ReleaseComposer.Encode(title)} \u2013 page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>",
                    Margin = new() { Top = "20mm", Bottom = "20mm", Left = "18mm", Right = "18mm" },
                });
            }), null);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or IOException)
        {
            log.LogError(e, "Printing the PDF of {Title} failed", title);
            return new(null, Failed);
        }
    }

    /// <summary>The page as printed: the public theme's styles, a title page with the contents, then every section.</summary>
    public static string Document(string title, string subtitle, IReadOnlyList<ReleaseSection> sections, string themeCss)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(ReleaseComposer.Encode(title)).Append("</title><style>").Append(themeCss).Append(PrintCss).Append("</style></head><body class=\"govuk-template__body\"><main>")
            .Append("<h1 class=\"govuk-heading-xl\">").Append(ReleaseComposer.Encode(title)).Append("</h1><p class=\"govuk-body-l\">").Append(ReleaseComposer.Encode(subtitle)).Append("</p>")
            .Append("<nav aria-labelledby=\"contents\"><h2 class=\"govuk-heading-m\" id=\"contents\">Contents</h2><ol class=\"govuk-list govuk-list--number app-print-contents\">");
        foreach (var s in sections)
            html.Append("<li><a class=\"govuk-link\" href=\"#").Append(s.Anchor).Append("\">").Append(ReleaseComposer.Encode(s.Title)).Append("</a></li>");
        html.Append("</ol></nav>");
        foreach (var s in sections)
            html.Append("<section class=\"app-print-section\" id=\"").Append(s.Anchor).Append("\"><h2 class=\"govuk-heading-l\">").Append(ReleaseComposer.Encode(s.Title)).Append("</h2>").Append(s.Html).Append("</section>");
        return html.Append("</main></body></html>").ToString();
    }

    private const string PrintCss = """
        @page { size: A4; }
        body { margin: 0; background: #fff; }
        .app-print-section { break-before: page; }
        table, figure, svg { break-inside: avoid; }
        .app-chart { max-width: 100%; height: auto; }
        a { color: inherit; }
        .app-print-contents { padding-left: 2.5em; }
        pre, code { white-space: pre-wrap; overflow-wrap: anywhere; }
        """;

    private async Task<string> ThemeCssAsync()
    {
        var file = environment.WebRootFileProvider.GetFileInfo("_content/IroPortal.Themes.Public/lib/theme.css");
        if (!file.Exists) return "";
        await using var stream = file.CreateReadStream();
        return await new StreamReader(stream).ReadToEndAsync();
    }
}
