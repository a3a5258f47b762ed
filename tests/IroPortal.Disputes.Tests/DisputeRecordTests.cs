using System.Net;
using IroPortal.AnnualReport.Contracts;
using IroPortal.AnnualReport.Services;
using IroPortal.Disputes.Models;
using IroPortal.Disputes.Services;
using IroPortal.Modularity;
using IroPortal.Notifications.Models;
using IroPortal.Notifications.Services;
using IroPortal.Publishing.Models;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Disputes.Tests;

public sealed class DisputeRecordTests
{
    private static async Task<Guid> StageIdAsync(PortalApp app, int position) =>
        await app.InDatabase(db => db.Set<DisputeStage>().Where(s => s.Position == position).Select(s => s.Id).SingleAsync());

    private static Dictionary<string, string> Concern(string reference, string summary, Guid stage, DateOnly raised) => new()
    {
        ["Form.CaseReference"] = reference, ["Form.Category"] = "drift", ["Form.Summary"] = summary, ["Form.Stage"] = stage.ToString(),
        ["Form.RaisedWith"] = "Team manager", ["Form.RaisedOn.Day"] = raised.Day.ToString(), ["Form.RaisedOn.Month"] = raised.Month.ToString(), ["Form.RaisedOn.Year"] = raised.Year.ToString(),
    };

    [Fact]
    public async Task An_iro_records_and_follows_their_own_escalations_and_cannot_see_another_iros()
    {
        await using var app = new PortalApp();
        var today = UkTime.Today(app.Clock);
        var iro = await app.SignedInClient("iro1@northmoor.example");
        var informal = await StageIdAsync(app, 0);

        // A name for a reference, a phone number in the text: refused with where and why, and nothing saved.
        var before = await app.InDatabase(db => db.Set<Escalation>().CountAsync());
        var bad = await iro.PostFormAsync("/disputes/new", new(Concern("Jordan", "Call the carer on 07700 900123 about the plan.", informal, today.AddDays(1))), "/disputes/new");
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("A case reference has at least one digit", html);
        Assert.Contains("looks like a phone number", html);
        Assert.Contains("The date it was raised must be today or in the past", html);
        Assert.Equal(before, await app.InDatabase(db => db.Set<Escalation>().CountAsync()));

        var created = await iro.PostFormAsync("/disputes/new", Concern("nm-300001", "The plan's permanence decision has drifted for 3 months.", informal, today), "/disputes/new");
        var page = created.Headers.Location!.ToString();
        var escalation = await app.InDatabase(db => db.Set<Escalation>().Include(e => e.Steps).SingleAsync(e => e.CaseReference == "NM-300001"));
        Assert.Equal(app.Services.GetRequiredService<WorkingDays>().Add(today, 5), escalation.Steps.Single().ResponseDue);

        // Not resolved informally: skip stage 1 and go to stage 2.
        await iro.PostFormAsync($"{page}/response", new()
        {
            ["Response.RespondedOn.Day"] = today.Day.ToString(), ["Response.RespondedOn.Month"] = today.Month.ToString(), ["Response.RespondedOn.Year"] = today.Year.ToString(),
            ["Response.Outcome"] = "not-resolved", ["Response.Note"] = "No change offered.", ["Response.Revision"] = escalation.Revision.ToString(),
        }, page);
        var stage2 = await StageIdAsync(app, 2);
        await iro.PostFormAsync($"{page}/escalate", new()
        {
            ["Escalate.Stage"] = stage2.ToString(), ["Escalate.RaisedWith"] = "Service manager", ["Escalate.RaisedOn.Day"] = today.Day.ToString(),
            ["Escalate.RaisedOn.Month"] = today.Month.ToString(), ["Escalate.RaisedOn.Year"] = today.Year.ToString(), ["Escalate.Revision"] = (escalation.Revision + 1).ToString(),
        }, page);
        escalation = await app.InDatabase(db => db.Set<Escalation>().Include(e => e.Steps).SingleAsync(e => e.Id == escalation.Id));
        Assert.Equal(["Informal: the social worker or their team manager", "Stage 2: service manager"], escalation.Steps.OrderBy(s => s.Number).Select(s => s.StageName));

        // Another IRO neither sees it listed nor opens it nor acts on it; the manager sees everyone's.
        var other = await app.SignedInClient("iro2@northmoor.example");
        Assert.DoesNotContain("NM-300001", await other.GetStringAsync("/disputes/mine"));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await other.GetAsync(page)).StatusCode);
        var refused = await other.CraftedPostAsync($"{page}/close", new() { ["Close.ClosedOn.Day"] = "1", ["Close.ClosedOn.Month"] = "1", ["Close.ClosedOn.Year"] = "2026", ["Close.Reason"] = "x", ["Close.Revision"] = "2" }, "/disputes/mine");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await other.GetAsync("/disputes")).StatusCode);
        Assert.Null((await app.InDatabase(db => db.Set<Escalation>().SingleAsync(e => e.Id == escalation.Id))).ClosedOn);
        var manager = await app.SignedInClient("manager@northmoor.example");
        var all = await manager.GetStringAsync("/disputes");
        Assert.Contains("NM-300001", all);
        Assert.Contains("Stage 2: service manager", all);
        foreach (var role in new[] { "board1@northmoor.example", "senior@northmoor.example", "admin@northmoor.example" })
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await (await app.SignedInClient(role)).GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task The_iro_and_the_managers_hear_when_a_response_is_due_and_when_it_is_late()
    {
        await using var app = new PortalApp();
        var today = UkTime.Today(app.Clock);
        var iro = await app.SignedInClient("iro1@northmoor.example");
        await iro.PostFormAsync("/disputes/new", Concern("NM-300002", "Contact has not started as the plan said.", await StageIdAsync(app, 1), today), "/disputes/new");
        var escalation = await app.InDatabase(db => db.Set<Escalation>().Include(e => e.Steps).SingleAsync(e => e.CaseReference == "NM-300002"));
        var due = escalation.Steps.Single().ResponseDue!.Value;
        var iroId = escalation.IroId;
        var managerId = await app.InScope<IStaffDirectory, Guid>(async s => (await s.InRoleAsync("IRO manager")).Single().Id);
        var runner = app.Services.GetRequiredService<JobRunner>();
        Task<List<Notification>> For(Guid user) => app.InDatabase(db => db.Set<Notification>().Where(n => n.UserId == user && n.RuleKey == "disputes.responses" && n.Link == $"/disputes/{escalation.Id}").ToListAsync());

        app.Clock.Advance(TimeSpan.FromDays(due.DayNumber - today.DayNumber));
        await runner.RunAsync("disputes.responses", CancellationToken.None);
        Assert.Contains(await For(iroId), n => n.Title.Contains("is due today") && n.Urgent);
        Assert.Contains(await For(managerId), n => n.Title.Contains("is due today"));
        Assert.DoesNotContain(await For(iroId), n => n.Body.Contains("NM-300002")); // the case reference stays in the portal

        app.Clock.Advance(TimeSpan.FromDays(3));
        await runner.RunAsync("disputes.responses", CancellationToken.None);
        await runner.RunAsync("disputes.responses", CancellationToken.None);
        Assert.Single(await For(iroId), n => n.Title.Contains("is late"));
        Assert.Single(await For(managerId), n => n.Title.Contains("is late"));
    }

    [Fact]
    public async Task The_manager_sets_the_councils_stages_new_escalations_use_them_and_old_ones_keep_theirs()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient(Reports.Manager);
        var stages = await app.InDatabase(db => db.Set<DisputeStage>().OrderBy(s => s.Position).ToListAsync());
        var old = await app.InDatabase(db => db.Set<EscalationStep>().CountAsync(s => s.StageName == "Stage 1: team manager"));
        Assert.True(old > 0); // the demo has an escalation at stage 1
        Dictionary<string, string> Form(Func<DisputeStage, int, (string Name, string Days, bool Remove)> each)
        {
            var fields = new Dictionary<string, string>();
            for (var i = 0; i < stages.Count; i++)
            {
                var (name, days, remove) = each(stages[i], i);
                fields[$"Stages[{i}].Id"] = stages[i].Id.ToString();
                fields[$"Stages[{i}].Name"] = name;
                fields[$"Stages[{i}].Days"] = days;
                if (remove) fields[$"Stages[{i}].Remove"] = "true";
            }
            return fields;
        }

        // Removing every formal stage, or a timescale that is not a number, is refused and nothing changes.
        var none = await manager.PostFormAsync("/disputes/stages", Form((s, _) => (s.Name, s.WorkingDays?.ToString() ?? "", s.Kind == StageKind.Formal)), "/disputes/stages");
        Assert.Contains("Keep at least one formal stage", await none.Content.ReadAsStringAsync());
        var bad = await manager.PostFormAsync("/disputes/stages", Form((s, i) => (s.Name, i == 1 ? "five" : s.WorkingDays?.ToString() ?? "", false)), "/disputes/stages");
        Assert.Contains("must be a whole number of working days from 1 to 60", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        Assert.Equal(6, await app.InDatabase(db => db.Set<DisputeStage>().CountAsync()));

        // Rename stage 1 and give it 3 days; drop stage 4.
        await manager.PostFormAsync("/disputes/stages", Form((s, i) => i == 1 ? ("Level 1: practice manager", "3", false) : (s.Name, s.WorkingDays?.ToString() ?? "", i == 4)), "/disputes/stages");
        var now = await app.InDatabase(db => db.Set<DisputeStage>().OrderBy(s => s.Position).ToListAsync());
        Assert.Equal(["Informal: the social worker or their team manager", "Level 1: practice manager", "Stage 2: service manager", "Stage 3: head of service", "Referral to Cafcass"], now.Select(s => s.Name));
        Assert.Equal(old, await app.InDatabase(db => db.Set<EscalationStep>().CountAsync(s => s.StageName == "Stage 1: team manager")));

        var iro = await app.SignedInClient("iro1@northmoor.example");
        var today = UkTime.Today(app.Clock);
        await iro.PostFormAsync("/disputes/new", Concern("NM-300003", "Review decisions not carried out.", now[1].Id, today), "/disputes/new");
        var step = await app.InDatabase(db => db.Set<EscalationStep>().SingleAsync(s => s.StageName == "Level 1: practice manager"));
        Assert.Equal(app.Services.GetRequiredService<WorkingDays>().Add(today, 3), step.ResponseDue);
    }

    [Fact]
    public async Task The_annual_report_figures_count_stages_categories_times_and_Cafcass_and_the_public_version_suppresses_small_numbers()
    {
        await using var app = new PortalApp();
        const int year = 2021; // no demo escalations here
        var iroId = await app.InScope<IStaffDirectory, Guid>(async s => (await s.InRoleAsync("IRO")).First().Id);
        await app.InScope<DisputeService, bool>(async disputes =>
        {
            var stages = await disputes.StagesAsync();
            var informal = stages.Single(s => s.Position == 0);
            var cafcass = stages.Single(s => s.Kind == StageKind.Cafcass);
            var wd = disputes.WorkingDays;
            // Six resolved informally within 5 working days; one late at stage 1 then referred to Cafcass.
            for (var i = 0; i < 6; i++)
            {
                var raised = new DateOnly(2021, 5, 3).AddDays(7 * i);
                var e = await disputes.RecordAsync(iroId, "Test IRO", $"NM-{i:0000}", "placement", "Placement plan not followed.", new StageRaised(informal, "Team manager", raised));
                await disputes.RespondAsync(e, e.Revision, wd.Add(raised, 2), true, "");
            }
            var late = await disputes.RecordAsync(iroId, "Test IRO", "NM-9999", "health", "Health assessment overdue.", new StageRaised(stages.Single(s => s.Position == 1), "Team manager", new DateOnly(2021, 9, 1)));
            await disputes.EscalateAsync(late, late.Revision, new StageRaised(cafcass, "Cafcass", new DateOnly(2021, 10, 1)));
            return true;
        });

        var figures = await app.InScope<FigureBlocks, IReadOnlyDictionary<string, FigureTable>>(f => f.BuildAsync(year));
        var times = figures["disputes-times"].Rows.ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("7", times["Escalations raised"]);
        Assert.Equal("6", times["Resolved"]);
        Assert.Equal("100%", times["Resolved within timescale"]);
        Assert.Equal("2 working days", times["Median time to resolution"]);
        Assert.Equal("1", times["Referred to Cafcass"]);
        Assert.Contains(figures["disputes-stages"].Rows, r => r[0] == "Informal: the social worker or their team manager" && r[1] == "6" && r[2] == "6");
        Assert.Contains(figures["disputes-stages"].Rows, r => r[0] == "Stage 1: team manager" && r[1] == "1" && r[2] == "0");
        Assert.Contains(figures["disputes-categories"].Rows, r => r[0] == "Health" && r[1] == "1" && r[3] == "1");
        Assert.True(await app.InScope<IApprovedReports, bool>(r => Task.FromResult(r.CountsChildren("disputes-categories") && !r.CountsChildren("qa-grades"))));

        // A new report puts the blocks in its dispute resolution section; the public version hides counts of 1 to 4.
        await Reports.ApproveAsync(app, year, new() { ["summary"] = "Escalations were resolved quickly." });
        var approved = await app.InScope<IApprovedReports, ApprovedReport?>(r => r.FindAsync(year));
        Assert.Contains("disputes-times", approved!.Sections.Single(s => s.Key == "disputes").FigureKinds);
        var manager = await app.SignedInClient(Reports.Manager);
        await manager.PostFormAsync($"/publishing/{year}/board", new() { ["Board.MeetingDate.Day"] = "14", ["Board.MeetingDate.Month"] = "7", ["Board.MeetingDate.Year"] = (UkTime.Today(app.Clock).Year + 1).ToString() }, $"/publishing/{year}");
        await manager.PostFormAsync($"/publishing/{year}/public", new() { ["Public.ChangeNote"] = "" }, $"/publishing/{year}");
        async Task<string> DisputesSection(Audience audience)
        {
            var release = await app.InDatabase(db => db.Set<Release>().SingleAsync(r => r.YearStart == year && r.Audience == audience));
            return IroPortal.Publishing.Services.ReleaseSection.Read(release.Sections).Single(s => s.Title == "Dispute resolution and escalations").Html;
        }
        var publicHtml = await DisputesSection(Audience.Public);
        var boardHtml = await DisputesSection(Audience.Board);
        Assert.Contains("fewer than 5", publicHtml);
        Assert.Contains(">6<", publicHtml);
        static string Cell(string html, string row) => System.Text.RegularExpressions.Regex.Match(html, row + "</th><td[^>]*>([^<]*)<").Groups[1].Value;
        Assert.Equal("fewer than 5", Cell(publicHtml, "Referred to Cafcass"));
        Assert.Equal("1", Cell(boardHtml, "Referred to Cafcass"));
        Assert.Contains("2 working days", publicHtml);
        Assert.DoesNotContain("fewer than 5", boardHtml);
    }
}
