using System.Net;
using System.Net.Http.Headers;
using IroPortal.AnnualReport.Contracts;
using IroPortal.AnnualReport.Services;
using IroPortal.Modularity;
using IroPortal.Performance.Contracts;
using IroPortal.Performance.Services;
using static IroPortal.Performance.Tests.Data;

namespace IroPortal.Performance.Tests;

/// <summary>An extract for part of a year: counted to its last day, marked provisional everywhere, replaced by the annual return.</summary>
public sealed class ProvisionalTests
{
    private static SourceFile[] Return(int year) =>
    [
        Header(Child("100", "01/05/2015")),
        Episodes(Episode("100", $"01/06/{year}")),
        Reviews(Review("100", "01/05/2015", $"20/06/{year}", "PN1")),
        Allocations($"100,Daniel Okafor,01/06/{year},"),
    ];

    [Fact]
    public async Task An_extract_is_counted_to_its_last_day_as_provisional_until_the_annual_return_replaces_it()
    {
        await using var app = new PortalApp();
        const int year = 2019;
        var runsTo = new DateOnly(2019, 9, 30);
        async Task Import(DateOnly? to) => await app.InScope<ImportService, bool>(async imports =>
        {
            var files = Return(year);
            var import = await imports.QueueAsync(year, files, "Test", null, runsTo: to);
            await imports.RunAsync(import.Id, files);
            return true;
        });

        await Import(runsTo);
        var figures = await app.InScope<IReviewFigures, ReviewFigures>(f => f.ForYearAsync(year));
        Assert.True(figures.Provisional);
        Assert.Equal(runsTo, figures.To);
        Assert.Equal("2019\u201320 (provisional, to 30 September 2019)", figures.YearLabel);
        var block = (await app.InScope<FigureBlocks, IReadOnlyDictionary<string, FigureTable>>(b => b.BuildAsync(year)))["review-timeliness"];
        Assert.StartsWith("Provisional: from an extract for part of the year, to 30 September 2019", block.Note);
        var manager = await app.SignedInClient("manager@northmoor.example");
        Assert.Contains("Provisional: these figures are from an extract for part of the year, to 30 September 2019", WebUtility.HtmlDecode(await manager.GetStringAsync($"/performance?year={year}")));

        await Import(null);
        var annual = await app.InScope<IReviewFigures, ReviewFigures>(f => f.ForYearAsync(year));
        Assert.False(annual.Provisional);
        Assert.Equal(ReportingYear.End(year), annual.To);

        // The day must fall in the year, and not after today: said on the form, and nothing is kept.
        var page = await manager.GetStringAsync("/performance/import");
        var form = new MultipartFormDataContent
        {
            { new StringContent(FormPosting.TokenOfForm(page, "/performance/import", "/performance/import")), "__RequestVerificationToken" },
            { new StringContent(year.ToString()), "year" },
            { new StringContent("1"), "RunsTo.Day" }, { new StringContent("5"), "RunsTo.Month" }, { new StringContent("2021"), "RunsTo.Year" },
        };
        foreach (var file in Return(year))
        {
            var content = new ByteArrayContent(file.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", file.Name);
        }
        var refused = await manager.PostAsync("/performance/import", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("must run to a day in that year, from 1 April 2019 to 31 March 2020", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }
}
