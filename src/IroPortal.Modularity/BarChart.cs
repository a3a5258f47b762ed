using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace IroPortal.Modularity;

/// <summary>A horizontal bar chart as server-rendered SVG: no script, prints, and every label is encoded.
/// Pages put a table of the same figures beside it, which is what screen readers read.</summary>
public static class BarChart
{
    /// <summary>The services' own font stack; SVG text would otherwise fall back to a serif.</summary>
    public const string Font = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

    /// <param name="band">A shaded range to compare against, such as an IRO caseload of 50 to 70.</param>
    public static HtmlString Render(string description, IReadOnlyList<(string Label, double Value)> bars, double? max = null, (double From, double To, string Label)? band = null, string unit = "")
    {
        const int chartWidth = 420, barHeight = 22, gap = 8, top = 24;
        // Room for the longest label and no more, so short labels (PN0) leave the bars the width.
        var labelWidth = Math.Clamp((bars.Count == 0 ? 0 : bars.Max(b => b.Label.Length)) * 8 + 16, 48, 260);
        var scale = Math.Max(max ?? 0, Math.Max(bars.Count == 0 ? 1 : bars.Max(b => b.Value), band?.To ?? 0));
        if (scale <= 0) scale = 1;
        var height = top + bars.Count * (barHeight + gap) + 10;
        double X(double value) => labelWidth + chartWidth * value / scale;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"app-chart\" viewBox=\"0 0 {labelWidth + chartWidth + 70} {height}\" width=\"100%\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(description)}\" font-family=\"{Font}\">");
        if (band is { } b)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{X(b.From):0.#}\" y=\"{top - 6}\" width=\"{X(b.To) - X(b.From):0.#}\" height=\"{height - top}\" fill=\"#e8f1e8\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(b.From):0.#}\" y=\"14\" font-size=\"12\" fill=\"#0b0c0c\">{WebUtility.HtmlEncode(b.Label)}</text>");
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var y = top + i * (barHeight + gap);
            var (label, value) = bars[i];
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" font-size=\"13\" fill=\"#0b0c0c\">{WebUtility.HtmlEncode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{Math.Max(1, X(value) - labelWidth):0.#}\" height=\"{barHeight}\" fill=\"#1f3a5f\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(value) + 6:0.#}\" y=\"{y + 16}\" font-size=\"13\" fill=\"#0b0c0c\">{value.ToString("0.#", CultureInfo.InvariantCulture)}{WebUtility.HtmlEncode(unit)}</text>");
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
