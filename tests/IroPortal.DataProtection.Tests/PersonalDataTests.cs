using System.Net;
using System.Text.Json;
using IroPortal.Contributions.Models;
using IroPortal.Data;
using IroPortal.Disputes.Models;
using IroPortal.Modularity;
using IroPortal.Notifications.Models;
using IroPortal.Performance.Contracts;
using IroPortal.Performance.Models;
using IroPortal.QualityAssurance.Contracts;
using IroPortal.QualityAssurance.Models;
using IroPortal.Users.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.DataProtection.Tests;

public sealed class PersonalDataTests
{
    private static async Task<string> Html(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static Task<HttpResponseMessage> SearchAsync(HttpClient client, string term) =>
        client.PostFormAsync("/admin/personal-data", new Dictionary<string, string> { ["term"] = term }, "/admin/personal-data");

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_search_finds_a_childs_records_in_every_module_and_exports_them_for_a_subject_access_request(DatabaseProvider provider)
    {
        await using var app = new PortalApp(provider);
        var seeded = await Seeded.AddAsync(app, UkTime.Today(app.Clock).AddDays(-10));
        var child = await Seeded.ChildIdentifierAsync(app);
        var manager = await app.SignedInClient("manager@northmoor.example");

        // By case reference, written in any case: the QA records, the child's own words, the dispute, the contribution.
        var byReference = await Html(await SearchAsync(manager, "nm-777001"));
        Assert.Contains("5 records found", byReference);
        foreach (var expected in new[] { "Observation of practice", "Case-file audit", "Feedback answers", "Dispute record", "Contribution to the annual report",
                     "Met the child alone first.", "I want to see my brother", "The plan has drifted.", "Drift in permanence" })
            Assert.Contains(expected, byReference);

        // By the child's identifier from the return, which is stored only as its keyed hash.
        var byChild = await Html(await SearchAsync(manager, child));
        Assert.Contains("Imported review data", byChild);
        Assert.Contains($"The return for {ReportingYear.Name(ReportingYear.Containing(UkTime.Today(app.Clock)) - 1)}", byChild);
        Assert.Contains("Month of birth", byChild);
        Assert.DoesNotContain(await app.InDatabase(db => db.Set<CareChild>().Select(c => c.ChildKey).ToListAsync()), k => k == child);

        // By a parent's email address: the link sent to it, what was answered through it, the email itself (its link hidden).
        var byEmail = await Html(await SearchAsync(manager, Seeded.ParentEmail.ToUpperInvariant()));
        Assert.Contains("Feedback link", byEmail);
        Assert.Contains("Send the minutes sooner.", byEmail);
        Assert.Contains("Tell us about the review", byEmail);
        Assert.Contains("/feedback/…", byEmail);
        Assert.DoesNotContain("abcdefghijklmnopqrstuvwxyz0123456789", byEmail);

        // A staff member's own email finds their account and their audit trail, which cannot be erased here.
        var byStaff = await Html(await SearchAsync(manager, "iro1@northmoor.example"));
        Assert.Contains("Portal account", byStaff);
        Assert.Contains("Disable the account on the Users page instead", byStaff);

        // The exports, readable and as data, hold the same records.
        var results = await (await SearchAsync(manager, Seeded.CaseReference)).Content.ReadAsStringAsync();
        var export = await manager.SubmitAsync("/admin/personal-data/export", results, new Dictionary<string, string> { ["term"] = Seeded.CaseReference, ["format"] = "html" }, "/admin/personal-data");
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType ?? export.Headers.GetValues("Content-Disposition").Single().Split(';')[0]);
        var exported = await Html(export);
        Assert.Contains("I want to see my brother", exported);
        Assert.Contains("<h2>Dispute resolution</h2>", exported);
        var json = await manager.SubmitAsync("/admin/personal-data/export", results, new Dictionary<string, string> { ["term"] = Seeded.CaseReference, ["format"] = "json" }, "/admin/personal-data");
        using var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.Equal(["Contributions", "Dispute resolution", "Quality assurance"], document.RootElement.GetProperty("modules").EnumerateArray().Select(m => m.GetProperty("module").GetString()));
        Assert.Equal(Seeded.CaseReference, document.RootElement.GetProperty("modules")[1].GetProperty("records")[0].GetProperty("fields").GetProperty("Case reference").GetString());

        // Each search and export is audited with what was found, never the term itself.
        var audit = await app.InDatabase(db => db.Set<AuditEvent>().Where(e => e.EventType.StartsWith("Personal data")).ToListAsync());
        Assert.Equal(7, audit.Count); // five searches, two exports
        Assert.All(audit, e => Assert.DoesNotContain(Seeded.CaseReference, e.Detail, StringComparison.OrdinalIgnoreCase));
        Assert.All(audit, e => Assert.DoesNotContain(child, e.Detail));
        Assert.Contains(audit, e => e.Detail.Contains(seeded.Observation.ToString()) && e.ActorName == "manager@northmoor.example");

        // Too short to be one person's, or empty: said so, nothing searched.
        Assert.Contains("Enter at least 3 characters", await Html(await SearchAsync(manager, " 7 ")));
        Assert.Contains("Enter a case reference, a child&#x27;s identifier or an email address".Replace("&#x27;", "'"), await Html(await SearchAsync(manager, "")));
    }

    [Fact]
    public async Task Erasing_each_record_takes_away_what_identifies_the_child_and_leaves_every_figure_as_it_was()
    {
        await using var app = new PortalApp();
        var today = UkTime.Today(app.Clock);
        var seeded = await Seeded.AddAsync(app, today.AddDays(-10));
        var child = await Seeded.ChildIdentifierAsync(app);
        var lastYear = ReportingYear.Containing(today) - 1;
        async Task<string> Figures() =>
            JsonSerializer.Serialize(await app.InScope<IReviewFigures, ReviewFigures>(f => f.ForYearAsync(lastYear)))
            + JsonSerializer.Serialize(await app.InScope<IQualityAssuranceFigures, QualityAssuranceYear>(f => f.ForYearAsync(ReportingYear.Containing(today))));
        var before = await Figures();
        // The demo publishes the report for the year before last.
        var publishedReport = $"/reports/{lastYear - 1}";
        var publicReport = await app.NewClient().GetStringAsync(publishedReport);
        var manager = await app.SignedInClient("manager@northmoor.example");

        async Task EraseAll(string term)
        {
            while (true)
            {
                var page = await (await SearchAsync(manager, term)).Content.ReadAsStringAsync();
                var form = System.Text.RegularExpressions.Regex.Match(page, """name="module" value="([^"]+)" />\s*<input type="hidden" name="kind" value="([^"]+)" /><input type="hidden" name="id" value="([^"]+)" />""");
                if (!form.Success) return;
                var fields = new Dictionary<string, string> { ["term"] = term, ["module"] = form.Groups[1].Value, ["kind"] = form.Groups[2].Value, ["id"] = form.Groups[3].Value };
                // The reason is required: without one nothing is erased.
                var check = await (await manager.SubmitAsync("/admin/personal-data/erase/check", page, fields, "/admin/personal-data")).Content.ReadAsStringAsync();
                Assert.Contains("This cannot be undone.", check);
                var refused = await (await manager.SubmitAsync("/admin/personal-data/erase", check, fields, "/admin/personal-data")).Content.ReadAsStringAsync();
                Assert.Contains("Enter why this record is being erased", refused);
                fields["reason"] = "Erasure request from the young person's advocate";
                var done = await Html(await manager.SubmitAsync("/admin/personal-data/erase", refused, fields, "/admin/personal-data"));
                Assert.Contains("Erased:", done);
            }
        }
        await EraseAll(Seeded.CaseReference);
        await EraseAll(child);
        await EraseAll(Seeded.ParentEmail);

        Assert.Contains("Nothing found", await Html(await SearchAsync(manager, Seeded.CaseReference)));
        Assert.Contains("Nothing found", await Html(await SearchAsync(manager, child)));
        Assert.Contains("Nothing found", await Html(await SearchAsync(manager, Seeded.ParentEmail)));
        await app.InDatabase(async db =>
        {
            var observation = await db.Set<Observation>().Include(o => o.Grades).SingleAsync(o => o.Id == seeded.Observation);
            Assert.Equal(("", "", Grade.Good, Grade.Outstanding, ""), (observation.CaseReference, observation.Strengths, observation.OverallGrade, observation.Grades[0].Grade, observation.Grades[0].Evidence));
            var feedback = await db.Set<FeedbackAnswer>().Where(a => a.ResponseId == seeded.Feedback).OrderBy(a => a.QuestionKey).ToListAsync();
            Assert.Equal([(1, (string?)null), (null, null)], feedback.Select(a => (a.Rating, a.Text)));
            Assert.Null((await db.Set<FeedbackRequest>().SingleAsync(r => r.Id == seeded.Link)).RespondentEmail);
            var dispute = await db.Set<Escalation>().Include(e => e.Steps).SingleAsync(e => e.Id == seeded.Dispute);
            Assert.Equal(("", "", "drift", StepOutcome.Resolved), (dispute.CaseReference, dispute.Summary, dispute.Category, dispute.Steps[0].Outcome));
            Assert.Equal((60, ""), await db.Set<Contribution>().Where(c => c.Id == seeded.Contribution).Select(c => ValueTuple.Create(c.Caseload ?? 0, c.Themes)).SingleAsync());
            Assert.False(await db.Set<OutboxMessage>().AnyAsync(m => m.Id == seeded.Email));
            return 0;
        });
        // Every figure, the live ones and the published report's, is what it was.
        Assert.Equal(before, await Figures());
        Assert.Equal(publicReport, await app.NewClient().GetStringAsync(publishedReport));
        var erasures = await app.InDatabase(db => db.Set<AuditEvent>().Where(e => e.EventType == "Personal data erased").Select(e => e.Detail).ToListAsync());
        Assert.Equal(8, erasures.Count);
        Assert.All(erasures, d => Assert.Contains("Reason: Erasure request from the young person's advocate", d));
    }

    [Fact]
    public async Task Only_those_allowed_find_personal_data_and_an_iro_is_refused()
    {
        await using var app = new PortalApp();
        var iro = await app.SignedInClient("iro1@northmoor.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await iro.GetAsync("/admin/personal-data")).StatusCode);
        var admin = await app.SignedInClient("admin@northmoor.example");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/personal-data")).StatusCode);
        // A search without the form's antiforgery token is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/admin/personal-data", new FormUrlEncodedContent(new Dictionary<string, string> { ["term"] = Seeded.CaseReference }))).StatusCode);
    }
}
