using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using IroPortal.AnnualReport.Models;
using IroPortal.Publishing.Models;
using Microsoft.EntityFrameworkCore;
using OfficeOpenXml;

namespace IroPortal.Publishing.Tests;

public sealed partial class PublishingTests
{
    private static Task<HttpResponseMessage> PublishPublic(HttpClient manager, int year, string changeNote = "") =>
        manager.PostFormAsync($"/publishing/{year}/public", new() { ["Public.ChangeNote"] = changeNote }, $"/publishing/{year}");

    private static Task<HttpResponseMessage> PublishBoard(HttpClient manager, int year) =>
        manager.PostFormAsync($"/publishing/{year}/board", new() { ["Board.MeetingDate.Day"] = "14", ["Board.MeetingDate.Month"] = "7", ["Board.MeetingDate.Year"] = (year + 2).ToString() }, $"/publishing/{year}");

    private static Task<int> Releases(PortalApp app, int year, Audience audience) =>
        app.InDatabase(db => db.Set<Release>().CountAsync(r => r.YearStart == year && r.Audience == audience));

    /// <summary>The titles in a PDF's outline (bookmarks), which Chromium writes from every heading it printed.</summary>
    private static IReadOnlyList<string> OutlineTitles(byte[] pdf) =>
        [.. OutlineTitle().Matches(Encoding.Latin1.GetString(pdf)).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"/Title\s*\(([^)]*)\)")]
    private static partial Regex OutlineTitle();

    [Fact]
    public async Task Board_only_sections_are_in_the_board_pack_and_never_in_the_public_html_pdf_or_excel()
    {
        await using var app = new PortalApp(settings: PortalApp.WithPdf());
        const int year = 2030;
        await Reports.ApproveAsync(app, year, new()
        {
            ["summary"] = "Reviews were held on time.\n\n{{figures:qa-grades}}\n",
            ["development"] = "### Exempt staffing restructure\n\nThe service will lose one post in the restructure.\n\n{{figures:qa-compliance}}\n",
        });
        var manager = await app.SignedInClient(Reports.Manager);
        var exempt = await Reports.SectionIdAsync(app, year, "development");
        await manager.PostFormAsync($"/publishing/{year}/board-only", [new("sectionIds", exempt.ToString())], $"/publishing/{year}");

        Assert.Equal(HttpStatusCode.Redirect, (await PublishBoard(manager, year)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishPublic(manager, year)).StatusCode);
        Assert.Equal(1, await Releases(app, year, Audience.Public));

        var board = await app.SignedInClient("board1@northmoor.example");
        Assert.Contains("The service will lose one post in the restructure.", await board.GetStringAsync($"/board/{year}"));
        var boardPdf = await board.GetByteArrayAsync($"/board/{year}/pack.pdf");
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(boardPdf, 0, 4));
        Assert.Contains(OutlineTitles(boardPdf), t => t.Contains("Exempt staffing restructure"));

        var visitor = app.NewClient();
        var html = await visitor.GetStringAsync($"/reports/{year}");
        Assert.Contains("Reviews were held on time.", html);
        Assert.DoesNotContain("restructure", html);
        Assert.DoesNotContain("Issues for development", WebUtility.HtmlDecode(html));
        var pdf = await visitor.GetByteArrayAsync($"/reports/{year}/report.pdf");
        var outline = OutlineTitles(pdf);
        Assert.Contains(outline, t => t.Contains("Summary"));
        Assert.DoesNotContain(outline, t => t.Contains("restructure") || t.Contains("Issues for development"));
        using var workbook = new ExcelPackage(new MemoryStream(await visitor.GetByteArrayAsync($"/reports/{year}/data.xlsx")));
        var cells = workbook.Workbook.Worksheets.SelectMany(s => s.Cells.Select(c => c.Text)).ToList();
        Assert.Contains("Observation and audit grades", cells);
        Assert.DoesNotContain(cells, c => c.Contains("Issues for development"));
        using var boardWorkbook = new ExcelPackage(new MemoryStream(await board.GetByteArrayAsync($"/board/{year}/figures.xlsx")));
        Assert.Contains(boardWorkbook.Workbook.Worksheets.SelectMany(s => s.Cells.Select(c => c.Text)), c => c.Contains("Issues for development"));
    }

    [Fact]
    public async Task The_guard_blocks_publishing_while_any_identifier_remains_and_an_override_records_who_and_why()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient(Reports.Manager);
        var identifiers = new[]
        {
            "Call the carer on 07700 900123.", "The child moved to NM3 4QT.", "Email jo.bloggs@example.com for details.",
            "NHS number 943 476 5919 was recorded.", "UPN A12345678901B was shared.", "Case NM-10234 drifted.",
            "She was born on 12/03/2015 locally.", "Reviews went well and Tyler liked his home.", "Only 3 children waited.",
        };
        for (var i = 0; i < identifiers.Length; i++)
        {
            var year = 2040 + i;
            await Reports.ApproveAsync(app, year, new() { ["summary"] = identifiers[i] });
            var page = WebUtility.HtmlDecode(await manager.GetStringAsync($"/publishing/{year}"));
            await PublishPublic(manager, year);
            await PublishBoard(manager, year);
            if (i == 8)
            {
                // A small count of children does not block: the public reads "fewer than 5 children", the board the number.
                Assert.DoesNotContain("must be dealt with before this can be published", page);
                var published = WebUtility.HtmlDecode(await app.NewClient().GetStringAsync($"/reports/{year}"));
                Assert.Contains("Only fewer than 5 children waited.", published);
                Assert.DoesNotContain("3 children", published);
                Assert.Equal(1, await Releases(app, year, Audience.Board));
                continue;
            }
            Assert.Contains("must be dealt with before this can be published", page);
            Assert.Equal(0, await Releases(app, year, Audience.Public));
            Assert.Equal(0, await Releases(app, year, Audience.Board));
            Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync($"/reports/{year}")).StatusCode);
        }

        // The manager approves a word that is no child's name, and the guard lets it through from then on.
        const int nameYear = 2047;
        await manager.PostFormAsync("/publishing/names", new() { ["name"] = "Tyler", ["returnTo"] = $"/publishing/{nameYear}" }, $"/publishing/{nameYear}");
        Assert.Equal(HttpStatusCode.Redirect, (await PublishPublic(manager, nameYear)).StatusCode);
        Assert.Equal(1, await Releases(app, nameYear, Audience.Public));

        // An override, with its reason and who gave it, lets the case reference through for this year's versions.
        const int caseYear = 2045;
        var key = await app.InScope<IroPortal.Publishing.Services.PublishingService, string>(async p =>
            (await p.CheckAsync((await p.ApprovedAsync(caseYear))!, Audience.Public)).Findings.Single(f => f.Outstanding).Finding.Key);
        await manager.PostFormAsync($"/publishing/{caseYear}/overrides", new() { ["audience"] = "Public", ["key"] = key, ["reason"] = " " }, $"/publishing/{caseYear}");
        Assert.Equal(0, await app.InDatabase(db => db.Set<GuardOverride>().CountAsync()));
        await manager.PostFormAsync($"/publishing/{caseYear}/overrides", new() { ["audience"] = "Public", ["key"] = key, ["reason"] = "NM-10234 is a road number, not a case" }, $"/publishing/{caseYear}");
        var recorded = await app.InDatabase(db => db.Set<GuardOverride>().SingleAsync());
        Assert.Equal(("NM-10234", "NM-10234 is a road number, not a case", Audience.Public), (recorded.Text, recorded.Reason, recorded.Audience));
        Assert.False(string.IsNullOrEmpty(recorded.ByName));
        await PublishPublic(manager, caseYear);
        Assert.Equal(1, await Releases(app, caseYear, Audience.Public));
        // One decision answers the finding in every version: the board version is published too.
        await PublishBoard(manager, caseYear);
        Assert.Equal(1, await Releases(app, caseYear, Audience.Board));
    }

    [Fact]
    public async Task Small_numbers_of_children_are_fewer_than_5_in_public_and_exact_for_the_board()
    {
        await using var app = new PortalApp();
        const int year = 2031;
        await Reports.ApproveAsync(app, year, new() { ["children"] = "{{figures:looked-after}}\n\n| Placement | Children |\n|---|---|\n| Out of area | 2 |\n| Near home | 48 |\n" });
        await app.InDatabase(async db =>
        {
            var report = await db.Set<Report>().SingleAsync(r => r.YearStart == year);
            report.FrozenFigures = """{"looked-after":{"Kind":"looked-after","Title":"Children looked after","Note":null,"Columns":["Measure","Children"],"Rows":[["At the start","57"],["Started","4"],["Stopped","61"]],"Chart":null}}""";
            return await db.SaveChangesAsync();
        });
        var manager = await app.SignedInClient(Reports.Manager);
        await PublishBoard(manager, year);
        await PublishPublic(manager, year);

        var html = WebUtility.HtmlDecode(await app.NewClient().GetStringAsync($"/reports/{year}"));
        Assert.Contains("fewer than 5", html);
        Assert.DoesNotContain(">4<", html);
        Assert.Matches(@"Out of area</td>\s*<td[^>]*>fewer than 5</td>", html);
        Assert.Contains("57", html);
        var board = WebUtility.HtmlDecode(await (await app.SignedInClient("board1@northmoor.example")).GetStringAsync($"/board/{year}"));
        Assert.Contains(">4<", board);
        Assert.DoesNotContain("fewer than 5", board);
    }

    [Fact]
    public async Task A_correction_is_served_at_once_with_its_dated_note_while_the_first_version_stays_readable()
    {
        await using var app = new PortalApp();
        const int year = 2032;
        await Reports.ApproveAsync(app, year, new() { ["summary"] = "Nine in ten reviews were on time." });
        var manager = await app.SignedInClient(Reports.Manager);
        await PublishPublic(manager, year);
        var visitor = app.NewClient();
        var first = await visitor.GetAsync($"/reports/{year}");
        Assert.Contains("Nine in ten reviews were on time.", await first.Content.ReadAsStringAsync());

        // Served from the output cache: a change behind the portal's back does not show until the next publication.
        await app.InDatabase(async db =>
        {
            var release = await db.Set<Release>().SingleAsync(r => r.YearStart == year && r.Audience == Audience.Public);
            release.Sections = release.Sections.Replace("Nine in ten", "Changed behind the cache");
            return await db.SaveChangesAsync();
        });
        Assert.Contains("Nine in ten reviews were on time.", await visitor.GetStringAsync($"/reports/{year}"));

        // The manager reopens the report, corrects it, approves it again and republishes with a note.
        await manager.PostFormAsync($"/annual-report/{year}/reopen", new(), $"/annual-report/{year}");
        await app.InScope<IroPortal.AnnualReport.Services.ReportService, bool>(async reports =>
        {
            var report = (await reports.FindAsync(year))!;
            var summary = report.Sections.Single(s => s.Key == "summary");
            await reports.SaveSectionAsync(report, summary, "Eight in ten reviews were on time.", summary.Revision, "Test manager");
            await reports.MoveAsync(report, ReportStatus.InReview, "Test manager");
            await reports.MoveAsync(report, ReportStatus.Approved, "Test manager");
            return true;
        });
        Assert.Contains("Say what changed", WebUtility.HtmlDecode(await (await PublishPublic(manager, year)).Content.ReadAsStringAsync()));
        await PublishPublic(manager, year, "The share of reviews on time was wrong: it was eight in ten, not nine.");

        var current = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/reports/{year}"));
        Assert.Contains("Eight in ten reviews were on time.", current);
        Assert.Contains("The share of reviews on time was wrong", current);
        Assert.Contains("Version 2", current);
        var older = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/reports/{year}/versions/1"));
        Assert.Contains("Changed behind the cache", older); // rendered afresh after the publication cleared the cache
        Assert.Contains("This is an earlier version", older);
    }

    [Fact]
    public async Task The_public_report_is_cached_before_anyone_is_identified_so_it_is_the_same_page_for_staff_and_public_and_names_nobody_signed_in()
    {
        await using var app = new PortalApp();
        const int year = 2033;
        await Reports.ApproveAsync(app, year, new() { ["summary"] = "Nine in ten reviews were on time." });
        var manager = await app.SignedInClient(Reports.Manager);
        await PublishPublic(manager, year);

        // A member of staff reads it first, so it is their request that fills the cache.
        var asStaff = await manager.GetStringAsync($"/reports/{year}");
        var asPublic = await app.NewClient().GetStringAsync($"/reports/{year}");
        Assert.Equal(asStaff, asPublic);
        Assert.DoesNotContain("Sign out", asPublic);
    }

    [Fact]
    public async Task Public_pages_set_no_cookies_and_list_only_public_releases_in_the_feed_and_json()
    {
        await using var app = new PortalApp();
        var visitor = app.NewClient();
        var demoYear = (await app.InDatabase(db => db.Set<Release>().Where(r => r.Audience == Audience.Public).Select(r => r.YearStart).ToListAsync())).Single();
        foreach (var path in new[] { "/reports", $"/reports/{demoYear}", $"/reports/{demoYear}/for-children", $"/reports/{demoYear}/data.xlsx", $"/reports/{demoYear}/report.pdf", "/reports/feed.atom", "/reports/index.json" })
        {
            var response = await visitor.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} set a cookie");
        }
        // No Chromium configured in tests: the PDF link says so plainly, and the page still works.
        Assert.Contains("Chromium is not installed", WebUtility.HtmlDecode(await visitor.GetStringAsync($"/reports/{demoYear}/report.pdf")));

        var feed = await visitor.GetStringAsync("/reports/feed.atom");
        Assert.StartsWith("<?xml", feed);
        Assert.Contains($"/reports/{demoYear}/versions/1", feed);
        Assert.Contains($"/reports/{demoYear}/for-children", feed);
        Assert.DoesNotContain("/board", feed);
        var json = System.Text.Json.JsonDocument.Parse(await visitor.GetStringAsync("/reports/index.json")).RootElement;
        var listed = Assert.Single(json.GetProperty("reports").EnumerateArray());
        Assert.Equal(demoYear, listed.GetProperty("yearStart").GetInt32());
        Assert.EndsWith($"/reports/{demoYear}/for-children", listed.GetProperty("forChildren").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/reports/{demoYear + 1}")).StatusCode);
    }

    [Fact]
    public async Task The_manager_sets_the_shape_of_the_councils_case_references_and_the_guard_finds_them()
    {
        await using var app = new PortalApp();
        const int year = 2036;
        await Reports.ApproveAsync(app, year, new() { ["summary"] = "The plan for CR25-00412 drifted and was escalated." });
        var manager = await app.SignedInClient(Reports.Manager);
        Assert.DoesNotContain("CR25-00412", WebUtility.HtmlDecode(await manager.GetStringAsync($"/publishing/{year}")));

        var refused = await manager.PostFormAsync("/publishing/case-references", new() { ["Form.Shapes"] = "CR##-#####\nNO DIGITS" }, "/publishing/names");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Line 2:", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.InDatabase(db => db.Set<GuardSettings>().CountAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync("/publishing/case-references", new() { ["Form.Shapes"] = "CR##-#####" }, "/publishing/names")).StatusCode);
        var page = WebUtility.HtmlDecode(await manager.GetStringAsync($"/publishing/{year}"));
        Assert.Contains("CR25-00412", page);
        Assert.Contains("must be dealt with before this can be published", page);
        await PublishPublic(manager, year);
        Assert.Equal(0, await Releases(app, year, Audience.Public));
    }
}
