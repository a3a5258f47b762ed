using System.Net;
using System.Net.Http.Headers;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Performance.Models;
using IroPortal.Performance.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IroPortal.Performance.Tests.Data;

namespace IroPortal.Performance.Tests;

public sealed class ImportFlowTests
{
    private static SourceFile[] SmallReturn(int reviews = 1) =>
    [
        Header(Child("100", "01/05/2015"), Child("200", "10/10/2012")),
        Episodes(Episode("100", "01/06/2025"), Episode("200", "01/07/2025")),
        Reviews([.. Enumerable.Range(0, reviews).Select(i => Review("100", "01/05/2015", DateOnly.Parse("2025-06-20").AddDays(i * 30).ToString("dd/MM/yyyy"), "PN1"))]),
        Allocations("100,Daniel Okafor,01/06/2025,", "200,Sarah Whitfield,01/07/2025,"),
    ];

    private static async Task<HttpResponseMessage> Upload(HttpClient client, int year, params SourceFile[] files)
    {
        var page = await client.GetStringAsync("/performance/import");
        var form = new MultipartFormDataContent
        {
            { new StringContent(FormPosting.TokenOfForm(page, "/performance/import", "/performance/import")), "__RequestVerificationToken" },
            { new StringContent(year.ToString()), "year" },
        };
        foreach (var file in files)
        {
            var content = new ByteArrayContent(file.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", file.Name);
        }
        return await client.PostAsync("/performance/import", form);
    }

    private static Task<int> Rows<T>(PortalApp app, Func<IQueryable<T>, IQueryable<T>>? filter = null) where T : class => app.InDatabase(db => (filter ?? (q => q))(db.Set<T>()).CountAsync());

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_manager_uploads_sees_the_check_confirms_and_the_years_figures_appear(DatabaseProvider provider)
    {
        await using var app = new PortalApp(provider);
        var manager = await app.SignedInClient("manager@northmoor.example");
        var demoReviews = await Rows<CareReview>(app); // the demo council's last year
        var uploaded = await Upload(manager, 2025, SmallReturn(reviews: 3));
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var checkPath = uploaded.Headers.Location!.OriginalString;
        var check = WebUtility.HtmlDecode(await manager.GetStringAsync(checkPath));
        Assert.Contains("reviews.csv", check);
        Assert.Contains("3 rows read (reviews)", check);
        Assert.Equal(demoReviews, await Rows<CareReview>(app)); // nothing changes before the manager confirms

        var confirmed = await manager.SubmitAsync($"{checkPath}/confirm", check, new());
        var importPath = confirmed.Headers.Location!.OriginalString;
        string status = "";
        for (var i = 0; i < 100 && !status.Contains("April 2025 to March 2026 imported"); i++, await Task.Delay(100))
            status = WebUtility.HtmlDecode(await manager.GetStringAsync(importPath));
        Assert.Contains("3 reviews, 2 children", status);

        var figures = WebUtility.HtmlDecode(await manager.GetStringAsync("/performance?year=2025"));
        Assert.Contains("Daniel Okafor", figures);
        Assert.Contains("<svg", figures);
        var history = WebUtility.HtmlDecode(await manager.GetStringAsync("/performance/imports"));
        Assert.Contains("reviews.csv (", history);
        Assert.Contains("SHA-256", history);
        var excel = await manager.GetAsync("/performance/export?year=2025");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Every_year_from_2010_can_be_chosen_for_an_import_and_on_the_figures_page_which_marks_the_years_imported()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var current = ReportingYear.Containing(UkTime.Today(TimeProvider.System));
        int[] Options(string page, string select) => [.. System.Text.RegularExpressions.Regex.Matches(
            System.Text.RegularExpressions.Regex.Match(page, $"<select[^>]*id=\"{select}\".*?</select>", System.Text.RegularExpressions.RegexOptions.Singleline).Value, "<option value=\"(\\d+)\"")
            .Select(m => int.Parse(m.Groups[1].Value))];
        Assert.Equal(Enumerable.Range(ReturnYears.Earliest, current - ReturnYears.Earliest + 1).Reverse(), Options(await manager.GetStringAsync("/performance/import"), "year"));

        var uploaded = await Upload(manager, 2016, SmallReturn());
        var check = await manager.GetStringAsync(uploaded.Headers.Location!.OriginalString);
        var importPath = (await manager.SubmitAsync($"{uploaded.Headers.Location!.OriginalString}/confirm", check, new())).Headers.Location!.OriginalString;
        for (var i = 0; i < 100 && !WebUtility.HtmlDecode(await manager.GetStringAsync(importPath)).Contains("April 2016 to March 2017 imported"); i++) await Task.Delay(100);

        var figures = WebUtility.HtmlDecode(await manager.GetStringAsync("/performance?year=2016"));
        Assert.Equal(Enumerable.Range(ReturnYears.Earliest, current - ReturnYears.Earliest + 1).Reverse(), Options(figures, "year"));
        Assert.Contains("<option value=\"2016\" selected=\"selected\">April 2016 to March 2017 (imported)</option>", figures);
        Assert.Contains("<option value=\"2015\">April 2015 to March 2016</option>", figures);
        Assert.DoesNotContain("No return has been imported for April 2016", figures);
        Assert.Contains("On 31 March 2016, before the year", figures);
    }

    [Fact]
    public async Task A_refused_file_leaves_the_database_as_it_was_and_says_why()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var before = await Rows<StagedUpload>(app);
        var reviews = await Rows<CareReview>(app);
        var refused = await Upload(manager, 2025, [.. SmallReturn(), Zip("return.xlsx", ("[Content_Types].xml", "<Types/>"), ("xl/vbaProject.bin", "x"))]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("return.xlsx contains macros", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(before, await Rows<StagedUpload>(app));
        Assert.Equal(reviews, await Rows<CareReview>(app));
    }

    [Fact]
    public async Task A_zip_that_is_no_workbook_and_a_sheet_hiding_a_DOCTYPE_are_refused_on_the_page_not_with_an_error()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var notWorkbook = await Upload(manager, 2025, [.. SmallReturn(), Zip("return.xlsx", ("notes.txt", "hello"))]);
        Assert.Equal(HttpStatusCode.OK, notWorkbook.StatusCode);
        Assert.Contains("return.xlsx is a zip file but not an Excel workbook", WebUtility.HtmlDecode(await notWorkbook.Content.ReadAsStringAsync()));
        var utf16 = System.Text.Encoding.Unicode.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"e\">]><Types>&e;</Types>");
        var hidden = await Upload(manager, 2025, [.. SmallReturn(), new SourceFile("types.xlsx", ZipBytes(("[Content_Types].xml", utf16)))]);
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        Assert.Contains("types.xlsx contains XML with a DOCTYPE ([Content_Types].xml)", WebUtility.HtmlDecode(await hidden.Content.ReadAsStringAsync()));
    }

    private static byte[] ZipBytes(params (string Path, byte[] Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (path, content) in entries)
                using (var stream = zip.CreateEntry(path).Open())
                    stream.Write(content);
        return memory.ToArray();
    }

    [Fact]
    public async Task A_return_with_errors_cannot_be_confirmed()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var (reviews, imports) = (await Rows<CareReview>(app), await Rows<ReturnImport>(app));
        var uploaded = await Upload(manager, 2025, Header(Child("100", "01/05/2015")), Episodes(Episode("100", "01/06/2025")), Reviews(Review("100", "01/05/2015", "20/06/2025", "PN8")));
        var check = WebUtility.HtmlDecode(await manager.GetStringAsync(uploaded.Headers.Location!.OriginalString));
        Assert.Contains("The return cannot be imported: 1 error", check);
        Assert.Contains("reviews.csv, row 2, column REVIEW_CODE", check);
        Assert.DoesNotContain("Import the return</button>", check);
        var forced = await manager.CraftedPostAsync(uploaded.Headers.Location!.OriginalString + "/confirm", new(), fromPage: uploaded.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        await Task.Delay(300);
        Assert.Equal((reviews, imports), (await Rows<CareReview>(app), await Rows<ReturnImport>(app)));
    }

    [Fact]
    public async Task The_check_groups_problems_by_kind_with_counts_and_shows_the_first_few_of_each()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        // Twelve reviews with a code that is not one (errors), and three children the header does not know (errors).
        var reviews = Enumerable.Range(1, 12).Select(i => Review("100", "01/05/2015", $"{i:00}/06/2025", "PN9"))
            .Concat(new[] { "901", "902", "903" }.Select(c => Review(c, "01/05/2015", "20/06/2025", "PN1"))).ToArray();
        var uploaded = await Upload(manager, 2025, Header(Child("100", "01/05/2015")), Episodes(Episode("100", "01/06/2025")), Reviews(reviews));
        var check = WebUtility.HtmlDecode(await manager.GetStringAsync(uploaded.Headers.Location!.OriginalString));

        Assert.Contains("<title>Error: Check the return before importing", check);
        Assert.Contains("Not a participation code: 12 rows", check);
        Assert.Contains("And 7 more of this kind, in the download.", check);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(check, "'PN9' is not a participation code"));
        Assert.Contains("Child not in header: 3 rows", check);
        Assert.Contains("reviews.csv, row 16", check); // all three of a small kind are shown
        Assert.Contains("/problems\">Download every problem (Excel)</a>", check);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task An_import_stopped_halfway_changes_nothing_and_the_next_one_replaces_the_year_whole(DatabaseProvider provider)
    {
        await using var app = new PortalApp(provider);
        using (var scope = app.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<ImportService>();
            var first = SmallReturn(reviews: 2);
            await service.RunAsync((await service.QueueAsync(2025, first, "test", null)).Id, first);
        }
        Assert.Equal(2, await Rows<CareReview>(app, q => q.Where(r => r.YearStart == 2025)));

        // A bigger return, stopped after its first batch has been written (as if the process were killed).
        var big = SmallReturn(reviews: 12);
        using (var scope = app.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<ImportService>();
            using var stop = new CancellationTokenSource();
            var import = await service.QueueAsync(2025, big, "test", null);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.RunAsync(import.Id, big, (_, _) => stop.Cancel(), stop.Token));
        }
        Assert.Equal(2, await Rows<CareReview>(app, q => q.Where(r => r.YearStart == 2025)));
        Assert.Equal(0, await Rows<CareChild>(app, q => q.Where(c => c.YearStart < 0))); // it took back what it had written
        Assert.Equal(1, await Rows<ReturnImport>(app, q => q.Where(i => i.State == ImportState.Failed)));

        // Versions before the one-transaction import left a killed process's rows under a negative "shadow" year.
        await app.InDatabase(async db =>
        {
            db.Add(new ReturnImport { Id = Guid.CreateVersion7(), YearStart = 2025, State = ImportState.Running, StartedUtc = DateTime.UtcNow.AddMinutes(-30), HeartbeatUtc = DateTime.UtcNow.AddMinutes(-10) });
            db.Add(new CareChild { YearStart = -123_456, ChildKey = "left-over", BirthMonth = new DateOnly(2015, 1, 1) });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, await Rows<CareChild>(app, q => q.Where(c => c.YearStart < 0)));

        using (var scope = app.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<ImportService>();
            await service.RunAsync((await service.QueueAsync(2025, big, "test", null)).Id, big);
        }
        Assert.Equal(12, await Rows<CareReview>(app, q => q.Where(r => r.YearStart == 2025)));
        Assert.Equal(0, await Rows<CareChild>(app, q => q.Where(c => c.YearStart < 0))); // the stopped import's rows were cleared
    }

    [Fact]
    public async Task The_commands_import_a_folder_and_print_the_years_figures_as_json()
    {
        await using var app = new PortalApp();
        var folder = Directory.CreateDirectory(Path.Combine(TestPaths.Scratch, $"return-{Guid.NewGuid():N}")).FullName;
        foreach (var file in SmallReturn(reviews: 2)) await File.WriteAllBytesAsync(Path.Combine(folder, file.Name), file.Content);
        var commands = app.Services.GetServices<IPortalCommand>().ToDictionary(c => c.Name);

        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(ExitCodes.Usage, await commands["import-903"].RunAsync([folder], output, error, default));
        Assert.Contains("--year is required", error.ToString());

        (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(ExitCodes.Success, await commands["import-903"].RunAsync(["--year", "2025", folder], output, error, default));
        Assert.Contains("Imported April 2025 to March 2026: 2 children, 2 episodes, 2 reviews, 2 allocations", output.ToString());

        (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(ExitCodes.Success, await commands["stats"].RunAsync(["--year", "2025", "--format", "json"], output, error, default));
        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.Equal(2, json.RootElement.GetProperty("reviewsHeld").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("iros").GetArrayLength());

        (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(ExitCodes.Failed, await commands["stats"].RunAsync(["--year", "2020", "--format", "json"], output, error, default));
        Assert.Empty(output.ToString());

        await File.WriteAllTextAsync(Path.Combine(folder, "reviews.csv"), "CHILD,DOB,REVIEW,REVIEW_CODE\r\n100,01/05/2015,20/06/2025,PN9\r\n");
        (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(ExitCodes.InvalidInput, await commands["import-903"].RunAsync(["--year", "2025", folder], output, error, default));
        Assert.Contains("error: reviews.csv, row 2, column REVIEW_CODE: 'PN9' is not a participation code", error.ToString());
        Assert.Equal(2, await Rows<CareReview>(app, q => q.Where(r => r.YearStart == 2025))); // the refused import changed nothing
    }
}
