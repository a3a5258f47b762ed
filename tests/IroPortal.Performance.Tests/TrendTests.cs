using System.Net;
using IroPortal.AnnualReport.Services;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Performance.Services;
using OfficeOpenXml;
using static IroPortal.Performance.Tests.Data;

namespace IroPortal.Performance.Tests;

/// <summary>
/// Three years worked out by hand, far from the demo's years (2013-14 to 2015-16):
///   A in care from 6 Jan 2010, reviews every six months on time except 10 Oct 2014 (due 11 Sep 2014).
///   B in care from 1 Jul 2014 to 31 Dec 2014, reviews 15 Jul 2014 and 10 Oct 2014, both on time.
/// 2013-14: A's 15 Sep 2013 and 11 Mar 2014, 2 of 2 on time. 2014-15: A late, B twice on time, 2 of 3;
/// B started and stopped. 2015-16: A's 1 Apr 2015, 25 Sep 2015, 20 Mar 2016, 3 of 3.
/// </summary>
public sealed class TrendTests
{
    private const string Born = "01/05/2005";

    private static readonly string[] ReviewsOfA =
        ["20/01/2010", "15/04/2010", "10/10/2010", "05/04/2011", "01/10/2011", "28/03/2012", "24/09/2012", "20/03/2013", "15/09/2013", "11/03/2014", "10/10/2014", "01/04/2015", "25/09/2015", "20/03/2016"];

    private static SourceFile[] Return(int year)
    {
        var yearEnd = ReportingYear.End(year);
        static DateOnly Day(string d) => DateOnly.ParseExact(d, "dd/MM/yyyy");
        var withB = year == 2014;
        return
        [
            Header([Child("1", Born), .. withB ? new[] { Child("2", "01/02/2008") } : []]),
            Episodes([Episode("1", "06/01/2010"), .. withB ? new[] { Episode("2", "01/07/2014", "31/12/2014") } : []]),
            Reviews([.. ReviewsOfA.Where(r => Day(r) <= yearEnd).Select(r => Review("1", Born, r, "PN1")),
                .. withB ? new[] { Review("2", "01/02/2008", "15/07/2014", "PN1"), Review("2", "01/02/2008", "10/10/2014", "PN7") } : []]),
            Allocations(["1,Daniel Okafor,06/01/2010,", .. withB ? new[] { "2,Daniel Okafor,01/07/2014,31/12/2014" } : []]),
        ];
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Each_figure_over_the_years_with_data_reaches_the_figures_page_the_workbook_and_the_report(DatabaseProvider provider)
    {
        await using var app = new PortalApp(provider);
        foreach (var year in new[] { 2013, 2014, 2015 })
            await app.InScope<ImportService, bool>(async imports =>
            {
                var files = Return(year);
                var import = await imports.QueueAsync(year, files, "Test", null);
                await imports.RunAsync(import.Id, files);
                return true;
            });

        var blocks = await app.InScope<FigureBlocks, IReadOnlyDictionary<string, IroPortal.AnnualReport.Contracts.FigureTable>>(b => b.BuildAsync(2015));
        var onTime = blocks["trend-reviews-on-time"];
        Assert.Equal("Reviews on time, 2013\u201314 to 2015\u201316", onTime.Title);
        Assert.Equal([["2013\u201314", "2", "2", "100%"], ["2014\u201315", "3", "2", "66.7%"], ["2015\u201316", "3", "3", "100%"]], onTime.Rows.Select(r => r.ToArray()).ToArray());
        Assert.Equal([100, 66.7, 100], onTime.Chart!.Bars.Select(b => b.Value));
        Assert.Equal([["2013\u201314", "1", "0", "0", "1"], ["2014\u201315", "1", "1", "1", "1"], ["2015\u201316", "1", "0", "0", "1"]],
            blocks["trend-looked-after"].Rows.Select(r => r.ToArray()).ToArray());
        Assert.Equal(["2014\u201315", "3", "2", "66.7%"], blocks["trend-participation"].Rows[1].ToArray());
        // A year without earlier data is its own trend; a window with no data says so.
        Assert.Single((await app.InScope<FigureBlocks, IReadOnlyDictionary<string, IroPortal.AnnualReport.Contracts.FigureTable>>(b => b.BuildAsync(2013)))["trend-caseloads"].Rows);
        var empty = (await app.InScope<FigureBlocks, IReadOnlyDictionary<string, IroPortal.AnnualReport.Contracts.FigureTable>>(b => b.BuildAsync(2012)))["trend-reviews-on-time"];
        Assert.Empty(empty.Rows);
        Assert.Equal("No review data has been imported for these years yet.", empty.Note);

        var manager = await app.SignedInClient("manager@northmoor.example");
        var page = WebUtility.HtmlDecode(await manager.GetStringAsync("/performance?year=2015"));
        Assert.Contains("Each figure for 2013\u201314 to 2015\u201316", page);
        Assert.Contains("66.7%", page);

        using var workbook = new ExcelPackage(new MemoryStream(await manager.GetByteArrayAsync("/performance/export?year=2015")));
        var sheet = workbook.Workbook.Worksheets["Over the years"];
        Assert.Equal("2014\u201315", sheet.Cells[3, 1].Text);
        Assert.Equal(66.7, Convert.ToDouble(sheet.Cells[3, 8].Value));
    }
}
