using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task The_command_line_imports_an_extract_with_the_day_it_runs_to_and_refuses_a_day_outside_the_year()
    {
        await using var app = new PortalApp();
        const int year = 2019;
        var folder = Directory.CreateDirectory(Path.Combine(TestPaths.Scratch, $"extract-{Guid.NewGuid():N}")).FullName;
        foreach (var file in Return(year)) await File.WriteAllBytesAsync(Path.Combine(folder, file.Name), file.Content);
        var import = app.Services.GetServices<IroPortal.Modularity.IPortalCommand>().Single(c => c.Name == "import-903");

        foreach (var wrong in new[] { "30/09/2019", "2021-05-01", "2019-02-30" })
        {
            var (refusedOutput, refusedError) = (new StringWriter(), new StringWriter());
            Assert.Equal(ExitCodes.Usage, await import.RunAsync(["--year", "2019", "--runs-to", wrong, folder], refusedOutput, refusedError, default));
            Assert.Contains("--runs-to", refusedError.ToString());
        }
        Assert.False((await app.InScope<IReviewFigures, ReviewFigures>(f => f.ForYearAsync(year))).HasData);

        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(ExitCodes.Success, await import.RunAsync(["--year", "2019", "--runs-to", "2019-09-30", folder], output, error, default));
        Assert.Contains("Imported April 2019 to March 2020 to 30 September 2019 (provisional until the annual return)", output.ToString());
        var figures = await app.InScope<IReviewFigures, ReviewFigures>(f => f.ForYearAsync(year));
        Assert.True(figures.Provisional);
        Assert.Equal(new DateOnly(2019, 9, 30), figures.To);
    }
}
