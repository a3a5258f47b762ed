using System.Net;
using System.Text.RegularExpressions;
using IroPortal.Data;
using IroPortal.Disputes.Models;
using IroPortal.Modularity;
using IroPortal.Modularity.Scheduling;
using IroPortal.Notifications.Models;
using IroPortal.QualityAssurance.Models;
using IroPortal.Users.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.DataProtection.Tests;

public sealed partial class RetentionTests
{
    private const string Page = "/admin/retention";

    [GeneratedRegex("""<th scope="row" class="govuk-table__header">Total</th><td class="govuk-table__cell govuk-table__cell--numeric"><strong>(\d+)</strong>""")]
    private static partial Regex PreviewTotal();

    private static async Task<string> RunJobAsync(PortalApp app)
    {
        var job = app.Services.GetServices<ScheduledWork>().Single(w => w.Key == "dataprotection.dispose");
        using var scope = app.Services.CreateScope();
        return await ((IScheduledWork)scope.ServiceProvider.GetRequiredService(job.WorkType)).RunAsync(default);
    }

    /// <summary>The periods as the page's form holds them, by field name ("days[qa.observations]").</summary>
    private static Dictionary<string, string> PeriodFields(string page) =>
        Regex.Matches(page, """name="(days\[[^\]]+\])" value="(\d+)" """.Trim()).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => m.Groups[2].Value);

    private static Task<T> Db<T>(PortalApp app, Func<PortalDbContext, Task<T>> read) => app.InDatabase(read);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Nothing_is_disposed_until_an_administrator_confirms_and_a_changed_period_waits_for_a_new_confirmation(DatabaseProvider provider)
    {
        await using var app = new PortalApp(provider);
        var seeded = await Seeded.AddAsync(app, UkTime.Today(app.Clock).AddDays(-10));
        // A return uploaded and never imported: the raw files, identifiers and dates of birth as exported.
        var staged = Guid.CreateVersion7();
        await Db(app, db =>
        {
            db.Add(new Performance.Models.StagedUpload { Id = staged, YearStart = 2025, CreatedUtc = app.Clock.GetUtcNow().UtcDateTime, CreatedBy = "manager@northmoor.example",
                Files = [new Performance.Models.StagedFile { Id = Guid.CreateVersion7(), UploadId = staged, FileName = "header.csv", Sha256 = "", Content = "CHILD,SEX,DOB\n700001,1,01/02/2015\n"u8.ToArray() }] });
            return db.SaveChangesAsync();
        });
        var publishedReport = $"/reports/{ReportingYear.Containing(UkTime.Today(app.Clock)) - 2}";
        // Three and a half years on: past the periods for feedback words, links, emails, observations and audits; not disputes'.
        app.Clock.Advance(TimeSpan.FromDays(1280));
        var admin = await app.SignedInClient("admin@northmoor.example");
        var published = await app.NewClient().GetStringAsync(publishedReport);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));
        Assert.Contains("nobody has confirmed the retention periods yet", page);
        var shown = int.Parse(PreviewTotal().Match(page).Groups[1].Value);
        Assert.True(shown >= 7, $"The preview shows {shown} records past their period; the seeded ones alone are 7.");

        // The nightly job before anyone confirms: nothing goes.
        Assert.StartsWith("Nothing removed", await RunJobAsync(app));
        Assert.Equal("NM-777001", await Db(app, db => db.Set<Observation>().Where(o => o.Id == seeded.Observation).Select(o => o.CaseReference).SingleAsync()));

        // Confirmed from the page, the job removes exactly what the preview said.
        var confirmed = await admin.Landed(admin.SubmitAsync($"{Page}/confirm", await admin.GetStringAsync(Page), new() { ["version"] = "1" }, Page));
        Assert.Contains("Confirmed by admin@northmoor.example", confirmed);
        Assert.Equal($"{shown} record(s) deleted or anonymised past their retention period.", await RunJobAsync(app));
        await Db(app, async db =>
        {
            var observation = await db.Set<Observation>().Include(o => o.Grades).SingleAsync(o => o.Id == seeded.Observation);
            Assert.Equal(("", "", Grade.Good, Grade.Outstanding), (observation.CaseReference, observation.Strengths, observation.OverallGrade, observation.Grades[0].Grade));
            var audit = await db.Set<CaseFileAudit>().SingleAsync(a => a.Id == seeded.Audit);
            Assert.Equal(("", Grade.RequiresImprovement), (audit.CaseReference, audit.OverallGrade));
            var answers = await db.Set<FeedbackAnswer>().Where(a => a.ResponseId == seeded.Feedback).OrderBy(a => a.QuestionKey).ToListAsync();
            Assert.Equal([(1, (string?)null), (null, null)], answers.Select(a => (a.Rating, a.Text)));
            Assert.Null(await db.Set<FeedbackRequest>().Where(r => r.Id == seeded.Link).Select(r => r.RespondentEmail).SingleAsync());
            Assert.False(await db.Set<OutboxMessage>().AnyAsync(m => m.Id == seeded.Email));
            Assert.False(await db.Set<Performance.Models.StagedUpload>().AnyAsync(u => u.Id == staged));
            Assert.False(await db.Set<Performance.Models.StagedFile>().AnyAsync(f => f.UploadId == staged));
            Assert.Equal("NM-777001", await db.Set<Escalation>().Where(e => e.Id == seeded.Dispute).Select(e => e.CaseReference).SingleAsync());
            return 0;
        });
        page = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));
        Assert.Equal("0", PreviewTotal().Match(page).Groups[1].Value);
        Assert.Contains("the nightly disposal job", page);

        // A shorter period for dispute records: the job waits again until the new preview is confirmed.
        var fields = PeriodFields(page);
        Assert.Equal("2190", fields["days[disputes.records]"]);
        fields["days[disputes.records]"] = "365";
        page = await admin.Landed(admin.SubmitAsync(Page, await admin.GetStringAsync(Page), fields));
        Assert.Contains("Saved. Check what the disposal job would now remove", page);
        Assert.Contains("the periods changed since they were last confirmed", page);
        var disputesPast = int.Parse(PreviewTotal().Match(page).Groups[1].Value);
        Assert.True(disputesPast >= 1, "The seeded dispute, resolved three and a half years ago, is past a year.");
        Assert.StartsWith("Nothing removed", await RunJobAsync(app));
        Assert.Equal("NM-777001", await Db(app, db => db.Set<Escalation>().Where(e => e.Id == seeded.Dispute).Select(e => e.CaseReference).SingleAsync()));

        // A confirmation of the version shown before the change does not count.
        Assert.Contains("The periods changed while you were reading", await admin.Landed(admin.SubmitAsync($"{Page}/confirm", await admin.GetStringAsync(Page), new() { ["version"] = "1" }, Page)));
        await admin.SubmitAsync($"{Page}/confirm", await admin.GetStringAsync(Page), new() { ["version"] = "2" }, Page);
        var ran = await admin.Landed(admin.SubmitAsync($"{Page}/run", await admin.GetStringAsync(Page), [], Page));
        Assert.Contains($"Disposal ran: {disputesPast} record(s) deleted or anonymised.", ran);
        await Db(app, async db =>
        {
            var dispute = await db.Set<Escalation>().Include(e => e.Steps).SingleAsync(e => e.Id == seeded.Dispute);
            Assert.Equal(("", "", "drift", StepOutcome.Resolved, new DateOnly?(seeded.Day.AddDays(3))), (dispute.CaseReference, dispute.Summary, dispute.Category, dispute.Steps[0].Outcome, dispute.ResolvedOn));
            return 0;
        });

        // The report the public reads is exactly as published, and every step is in the audit trail.
        Assert.Equal(published, await app.NewClient().GetStringAsync(publishedReport));
        var audit = await Db(app, db => db.Set<AuditEvent>().Where(e => e.EventType.StartsWith("Retention") || e.EventType == "Disposal ran").OrderBy(e => e.OccurredUtc).Select(e => e.EventType).ToListAsync());
        Assert.Equal(["Retention periods confirmed", "Disposal ran", "Retention periods changed", "Retention periods confirmed", "Disposal ran"], audit);
    }

    [Fact]
    public async Task A_period_that_is_not_a_whole_number_of_days_is_refused_and_saves_nothing()
    {
        await using var app = new PortalApp();
        var admin = await app.SignedInClient("admin@northmoor.example");
        var page = await admin.GetStringAsync(Page);
        var fields = PeriodFields(page);
        fields["days[qa.observations]"] = "three years";
        fields["days[qa.audits]"] = "365";
        fields["days[disputes.records]"] = "";
        var response = await admin.SubmitAsync(Page, page, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("The period for observations of practice must be a whole number of days from 1 to 36525", refused);
        Assert.Contains("Enter how many days to keep dispute records", refused);
        Assert.Contains("value=\"three years\"", refused);
        Assert.Equal(0, await Db(app, db => db.Set<Models.RetentionPeriod>().CountAsync()));

        var iro = await app.SignedInClient("iro1@northmoor.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await iro.GetAsync(Page)).StatusCode);
        var manager = await app.SignedInClient("manager@northmoor.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.CraftedPostAsync($"{Page}/confirm", new() { ["version"] = "1" }, "/staff")).StatusCode);
    }
}
