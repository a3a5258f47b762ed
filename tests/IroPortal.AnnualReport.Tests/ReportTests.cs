using System.Net;
using DocumentFormat.OpenXml.Packaging;
using IroPortal.AnnualReport.Models;
using IroPortal.Modularity;
using IroPortal.Performance.Models;
using Microsoft.EntityFrameworkCore;
using OfficeOpenXml;

namespace IroPortal.AnnualReport.Tests;

public sealed class ReportTests
{
    private static int ThisYear(PortalApp app) => ReportingYear.Containing(UkTime.Today(app.Clock)) - 1;

    private static Task<Report> Load(PortalApp app, int year) =>
        app.InDatabase(db => db.Set<Report>().AsNoTracking().Include(r => r.Sections).Include(r => r.Progress).SingleAsync(r => r.YearStart == year));

    private static async Task<ReportSection> Section(PortalApp app, int year, string key) => (await Load(app, year)).Sections.Single(s => s.Key == key);

    private static Task<HttpResponseMessage> Save(HttpClient client, string path, string page, string body, int revision) =>
        client.SubmitAsync(path, page, new() { ["body"] = body, ["revision"] = revision.ToString() });

    [Fact]
    public async Task This_years_report_carries_last_years_priorities_each_waiting_for_an_update()
    {
        await using var app = new PortalApp();
        var report = await Load(app, ThisYear(app));
        Assert.Equal(
            ["Hold every first review within 20 working days of a child becoming looked after", "Ask every child how they want to take part before each review",
             "Ask guardians and courts for feedback on IROs' work every quarter", "Reduce IRO caseloads to no more than 70 children"],
            report.Progress.Where(p => p.BoardActionId is null).OrderBy(p => p.Position).Select(p => p.Priority));
        var manager = await app.SignedInClient("manager@northmoor.example");
        var progress = report.Sections.Single(s => s.Key == "progress-last");
        var editor = WebUtility.HtmlDecode(await manager.GetStringAsync($"/annual-report/{report.YearStart}/sections/{progress.Id}"));
        Assert.Contains("Reduce IRO caseloads to no more than 70 children", editor);
        Assert.Contains("Waiting for an update", editor);
        // The board's three demo actions on last year's report join them when the section is opened.
        Assert.Contains("The board's action: Bring every IRO's caseload within the Handbook's range of 50 to 70.", editor);
        Assert.Contains("6 of 7 priorities waiting for an update", await manager.GetStringAsync($"/annual-report/{report.YearStart}"));

        var item = report.Progress.Single(p => p.Position == 3);
        var path = $"/annual-report/{report.YearStart}/progress/{item.Id}";
        await manager.PostFormAsync(path, new() { ["update"] = "Average caseload is now 64." }, $"/annual-report/{report.YearStart}/sections/{progress.Id}");
        Assert.Contains("Average caseload is now 64.", await manager.GetStringAsync($"/annual-report/{report.YearStart}/read"));
    }

    [Fact]
    public async Task A_second_save_of_a_section_opened_before_the_first_gets_a_conflict_and_keeps_its_text()
    {
        await using var app = new PortalApp();
        var year = ThisYear(app);
        var section = await Section(app, year, "good-practice");
        var path = $"/annual-report/{year}/sections/{section.Id}";
        var first = await app.SignedInClient("manager@northmoor.example");
        var second = await app.SignedInClient("manager@northmoor.example");
        var firstPage = await first.GetStringAsync(path);
        var secondPage = await second.GetStringAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, (await Save(first, path, firstPage, "Reviews at home worked well.", section.Revision)).StatusCode);
        var conflict = await Save(second, path, secondPage, "Children chaired their own reviews.", section.Revision);
        var html = WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("saved this section at", html);
        Assert.Contains("Your text has not been saved and is kept below", html);
        Assert.Contains(">Children chaired their own reviews.</textarea>", html);
        Assert.Contains("Reviews at home worked well.", html); // theirs, beside
        Assert.Equal("Reviews at home worked well.", (await Section(app, year, "good-practice")).Body);

        // Having seen both, the second writer merges and saves: the page now carries the new revision.
        Assert.Equal(HttpStatusCode.Redirect, (await Save(second, path, html, "Reviews at home worked well. Children chaired their own reviews.", section.Revision + 1)).StatusCode);
        Assert.Equal("Reviews at home worked well. Children chaired their own reviews.", (await Section(app, year, "good-practice")).Body);
    }

    [Fact]
    public async Task Every_save_is_a_version_that_can_be_compared_with_any_other_and_restored()
    {
        await using var app = new PortalApp();
        var year = ThisYear(app);
        var manager = await app.SignedInClient("manager@northmoor.example");
        var section = await Section(app, year, "monitoring");
        var path = $"/annual-report/{year}/sections/{section.Id}";
        await Save(manager, path, await manager.GetStringAsync(path), "IROs met every child between reviews.\nMidway checks by phone.", section.Revision);
        var afterFirst = (await Load(app, year)).CurrentVersion;
        await Save(manager, path, await manager.GetStringAsync(path), "IROs met every child between reviews.\nMidway checks in person.", section.Revision + 1);

        var versions = WebUtility.HtmlDecode(await manager.GetStringAsync($"/annual-report/{year}/versions"));
        Assert.Contains("Edited \u201cMonitoring between reviews\u201d", versions);
        Assert.Contains("Helen Carter", versions);
        var compare = WebUtility.HtmlDecode(await manager.GetStringAsync($"/annual-report/{year}/versions/compare?from={afterFirst}&to={afterFirst + 1}"));
        Assert.Contains("Removed: </span>Midway checks by phone.", compare);
        Assert.Contains("Added: </span>Midway checks in person.", compare);
        Assert.DoesNotContain("What is working well", compare); // unchanged sections are left out

        var restore = await manager.PostFormAsync($"/annual-report/{year}/versions/{afterFirst}/restore", new(), $"/annual-report/{year}/versions");
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Equal("IROs met every child between reviews.\nMidway checks by phone.", (await Section(app, year, "monitoring")).Body);
        Assert.Contains($"Restored version {afterFirst}", WebUtility.HtmlDecode(await manager.GetStringAsync($"/annual-report/{year}/versions")));
        Assert.Equal(HttpStatusCode.Redirect, (await manager.GetAsync($"/annual-report/{year}/versions/compare?from=1&to=9999")).StatusCode);
    }

    [Fact]
    public async Task Approval_freezes_the_figures_so_a_later_change_of_review_data_does_not_change_the_report()
    {
        await using var app = new PortalApp();
        var year = ThisYear(app);
        var manager = await app.SignedInClient("manager@northmoor.example");
        var compile = $"/annual-report/{year}";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.CraftedPostAsync($"{compile}/approve", new(), compile)).StatusCode);
        Assert.Equal(ReportStatus.Draft, (await Load(app, year)).Status); // a draft cannot be approved

        await manager.PostFormAsync($"{compile}/status", new() { ["to"] = "review" }, compile);
        await manager.PostFormAsync($"{compile}/approve", new(), compile);
        var approved = await Load(app, year);
        Assert.Equal(ReportStatus.Approved, approved.Status);
        var before = await manager.GetStringAsync($"{compile}/read");
        Assert.Contains("Review timeliness", before);
        Assert.DoesNotContain("No review data has been imported", before);

        // The year's review data goes (as a replacement import would change it): the approved report does not move.
        await app.InDatabase(async db => await db.Set<CareReview>().Where(r => r.YearStart == year).ExecuteDeleteAsync());
        var after = await manager.GetStringAsync($"{compile}/read");
        Assert.Equal(Tables(before), Tables(after));

        // And its words are frozen.
        var section = approved.Sections.Single(s => s.Key == "summary");
        var path = $"{compile}/sections/{section.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.GetAsync(path)).StatusCode);
        var refused = await manager.CraftedPostAsync(path, new() { ["body"] = "Changed after approval", ["revision"] = section.Revision.ToString() }, compile);
        Assert.Contains("The report is approved, so its text is frozen", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.NotEqual("Changed after approval", (await Section(app, year, "summary")).Body);
    }

    private static string Tables(string html) =>
        string.Join("\n", System.Text.RegularExpressions.Regex.Matches(html, "<table.*?</table>", System.Text.RegularExpressions.RegexOptions.Singleline).Select(m => m.Value));

    [Fact]
    public async Task Senior_managers_read_and_comment_only_in_review_and_iros_read_only_when_shared()
    {
        await using var app = new PortalApp();
        var year = ThisYear(app);
        var read = $"/annual-report/{year}/read";
        var manager = await app.SignedInClient("manager@northmoor.example");
        var senior = await app.SignedInClient("senior@northmoor.example");
        var iro = await app.SignedInClient("iro1@northmoor.example");
        var board = await app.SignedInClient("board1@northmoor.example");

        Assert.Equal(HttpStatusCode.NotFound, (await senior.GetAsync(read)).StatusCode); // a draft is the manager's
        Assert.Equal(HttpStatusCode.NotFound, (await senior.GetAsync($"/annual-report/{year - 1}/read")).StatusCode); // approved: not in review
        await manager.PostFormAsync($"/annual-report/{year}/status", new() { ["to"] = "review" }, $"/annual-report/{year}");

        var page = await senior.GetStringAsync(read);
        var summary = await Section(app, year, "summary");
        var comment = await senior.SubmitAsync($"/annual-report/{year}/sections/{summary.Id}/comments", page, new() { ["text"] = "Say who will act on late health assessments." }, read);
        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);
        Assert.Contains("Say who will act on late health assessments.", await manager.GetStringAsync(read));
        Assert.Contains("Joanne Price", await manager.GetStringAsync(read));

        Assert.Equal(HttpStatusCode.NotFound, (await iro.GetAsync(read)).StatusCode);
        await manager.PostFormAsync($"/annual-report/{year}/share", new() { ["share"] = "true" }, $"/annual-report/{year}");
        var shared = await iro.GetStringAsync(read);
        Assert.Contains("Summary", shared);
        Assert.DoesNotContain("/comments", shared); // IROs read; they do not comment
        var crafted = await iro.CraftedPostAsync($"/annual-report/{year}/sections/{summary.Id}/comments", new() { ["text"] = "x" }, "/annual-report");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, crafted.StatusCode);

        var denied = await board.GetAsync(read);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task The_report_downloads_as_a_word_document_with_its_sections_and_its_figures_as_excel()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var lastYear = ThisYear(app) - 1;

        var word = await manager.GetAsync($"/annual-report/{lastYear}/report.docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", word.Content.Headers.ContentType?.MediaType);
        using (var document = WordprocessingDocument.Open(new MemoryStream(await word.Content.ReadAsByteArrayAsync()), false))
        {
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("Priorities for next year", text);
            Assert.Contains("Reduce IRO caseloads to no more than 70 children", text);
            Assert.Contains("Quality assurance activities", text);
            Assert.Contains("Approved", text);
            Assert.NotEmpty(document.MainDocumentPart.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>());
        }

        var excel = await manager.GetAsync($"/annual-report/{lastYear}/figures.xlsx");
        using var package = new ExcelPackage(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        var names = package.Workbook.Worksheets.Select(w => w.Name).ToList();
        Assert.Equal("Contents", names[0]);
        Assert.Contains(names, n => n.Contains("Quality assurance activities"));
        Assert.Contains(names, n => n.Contains("IRO caseloads"));
    }

    [Fact]
    public async Task The_manager_adds_renames_moves_and_removes_sections_and_an_empty_title_is_refused()
    {
        await using var app = new PortalApp();
        var year = ThisYear(app);
        var manager = await app.SignedInClient("manager@northmoor.example");
        var compile = $"/annual-report/{year}";
        await manager.PostFormAsync($"{compile}/sections/new", new() { ["title"] = " " }, compile);
        Assert.Contains("Enter the section&#x27;s title", await manager.GetStringAsync(compile));

        await manager.PostFormAsync($"{compile}/sections/new", new() { ["title"] = "Advocacy" }, compile);
        var added = (await Load(app, year)).Sections.OrderBy(s => s.Position).Last();
        Assert.Equal("Advocacy", added.Title);
        await manager.PostFormAsync($"{compile}/sections/{added.Id}/rename", new() { ["title"] = "Advocacy and independent visitors" }, compile);
        await manager.PostFormAsync($"{compile}/sections/{added.Id}/move", new() { ["direction"] = "up" }, compile);
        var sections = (await Load(app, year)).Sections.OrderBy(s => s.Position).ToList();
        Assert.Equal("Advocacy and independent visitors", sections[^2].Title);
        Assert.Equal("priorities-next", sections[^1].Key);

        await manager.PostFormAsync($"{compile}/sections/{added.Id}/remove", new(), compile);
        Assert.DoesNotContain((await Load(app, year)).Sections, s => s.Id == added.Id);
    }
}
