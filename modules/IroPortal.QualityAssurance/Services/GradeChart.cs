using System.Globalization;
using System.Net;
using System.Text;
using IroPortal.QualityAssurance.Models;
using Microsoft.AspNetCore.Html;

namespace IroPortal.QualityAssurance.Services;

/// <summary>Overall grades over time as a server-rendered SVG. Its data table sits beside it on the page,
/// so it needs no script and reads aloud through the table.</summary>
public static class GradeChart
{
    public static HtmlString Render(IReadOnlyList<(bool IsObservation, Grade Grade)> grades)
    {
        const int left = 150, step = 28, row = 30;
        var width = Math.Max(300, grades.Count * step);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {width + left} 150\" width=\"100%\" role=\"img\" aria-label=\"Overall grades of observations and audits, oldest first. The table below gives the same figures.\" font-family=\"{IroPortal.Modularity.BarChart.Font}\">");
        foreach (var grade in Enum.GetValues<Grade>())
        {
            var y = (int)grade * row;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left - 10}\" x2=\"{width + left - 10}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 15}\" y=\"{y + 5}\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">{WebUtility.HtmlEncode(grade.Name())}</text>");
        }
        for (var i = 0; i < grades.Count; i++)
        {
            var (x, y) = (left + i * step, (int)grades[i].Grade * row);
            svg.Append(grades[i].IsObservation
                ? string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{x}\" cy=\"{y}\" r=\"7\" fill=\"#1f3a5f\"/>")
                : string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{x - 6}\" y=\"{y - 6}\" width=\"12\" height=\"12\" fill=\"#ffffff\" stroke=\"#1f3a5f\" stroke-width=\"3\"/>"));
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
