using System.Net;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.QualityAssurance.Models;
using Microsoft.EntityFrameworkCore;
using static IroPortal.QualityAssurance.Tests.QaFlows;

namespace IroPortal.QualityAssurance.Tests;

public sealed class ObservationAndAuditTests
{
    private static DateOnly Today(PortalApp app) => UkTime.Today(app.Clock);

    [Fact]
    public async Task An_empty_observation_form_says_what_is_missing_field_by_field_and_saves_nothing()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var before = await Count<Observation>(app);
        var response = await manager.PostFormAsync("/qa/observations/new", [F("Submit", "share"), F("CaseReference", "Jane Smith"), .. Date("ObservedOn", Today(app).AddDays(3))], "/qa/observations/new");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var message in new[]
        {
            "Choose the IRO", "never the child's name", "The date of the observation must be today or in the past",
            "Choose an overall grade", "Choose a grade for preparation", "Describe the strengths you saw", "Describe the areas for development",
        })
            Assert.Contains(message, page);
        Assert.Contains("href=\"#ObservedOn-day\"", page); // the summary links to the date's first box
        Assert.Equal(before, await Count<Observation>(app));
    }

    [Fact]
    public async Task An_observation_goes_from_the_manager_to_the_iro_for_reflection_and_back_for_sign_off()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var iroId = await IroId(app, "iro1@northmoor.example");
        var id = await RecordObservation(app, manager, iroId, Today(app), submit: "draft");

        var iro = await app.SignedInClient("iro1@northmoor.example");
        Assert.Equal(HttpStatusCode.NotFound, (await iro.GetAsync($"/qa/observations/{id}")).StatusCode); // a draft is the manager's
        await manager.PostFormAsync($"/qa/observations/{id}/share", new(), $"/qa/observations/{id}");
        var shared = await iro.GetStringAsync($"/qa/observations/{id}");
        Assert.Contains("Add reflection and acknowledge", shared);

        var version = System.Text.RegularExpressions.Regex.Match(shared, "name=\"Version\" value=\"([^\"]+)\"").Groups[1].Value;
        var empty = await iro.SubmitAsync($"/qa/observations/{id}/reflection", shared, new() { ["Version"] = version, ["Reflection"] = "" });
        Assert.Contains("Write your reflection", await empty.Content.ReadAsStringAsync());
        var reflected = await iro.SubmitAsync($"/qa/observations/{id}/reflection", shared, new() { ["Version"] = version, ["Reflection"] = "<b>Agreed</b>: I will visit earlier." });
        Assert.Equal(HttpStatusCode.Redirect, reflected.StatusCode);

        var signed = await manager.PostFormAsync($"/qa/observations/{id}/sign-off", new(), $"/qa/observations/{id}");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var page = await manager.GetStringAsync($"/qa/observations/{id}");
        Assert.Contains("Signed off", page);
        Assert.Contains("&lt;b&gt;Agreed&lt;/b&gt;", page); // shown as text, never as HTML
        Assert.Contains("Send review records within 20 working days", await iro.GetStringAsync("/qa/mine"));
    }

    [Fact]
    public async Task An_iro_cannot_open_another_iros_observation_audit_feedback_or_action_by_its_id()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var someoneElse = await IroId(app, "iro2@northmoor.example");
        var observation = await RecordObservation(app, manager, someoneElse, Today(app));
        var audit = await InDatabase(app, db => db.Set<CaseFileAudit>().Where(a => a.IroId == someoneElse).Select(a => a.Id).FirstAsync());
        var feedback = await InDatabase(app, db => db.Set<FeedbackResponse>().Where(r => r.IroId == someoneElse).Select(r => r.Id).FirstAsync());
        var action = await InDatabase(app, db => db.Set<QaAction>().Where(a => a.IroId == someoneElse && a.CompletedOn == null).FirstAsync());

        var iro = await app.SignedInClient("iro1@northmoor.example");
        foreach (var path in new[] { $"/qa/observations/{observation}", $"/qa/audits/{audit}", $"/qa/feedback/{feedback}" })
            Assert.Equal(HttpStatusCode.NotFound, (await iro.GetAsync(path)).StatusCode);
        var complete = await iro.CraftedPostAsync($"/qa/actions/{action.Id}/complete", new() { ["Version"] = action.Version.ToString() }, fromPage: "/qa/mine");
        Assert.Equal(HttpStatusCode.NotFound, complete.StatusCode);
        Assert.Null(await InDatabase(app, db => db.Set<QaAction>().Where(a => a.Id == action.Id).Select(a => a.CompletedOn).SingleAsync()));
        // And the board is the manager's alone.
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await iro.GetAsync("/qa")).StatusCode);
    }

    [Fact]
    public async Task An_observation_recorded_today_brings_the_iro_up_to_date_on_the_board()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var iroId = await IroId(app, "iro3@northmoor.example"); // never observed in the demo
        var board = WebUtility.HtmlDecode(await manager.GetStringAsync($"/qa/iros/{iroId}"));
        Assert.Contains("Never done: overdue", board);
        await RecordObservation(app, manager, iroId, Today(app));
        var after = WebUtility.HtmlDecode(await manager.GetStringAsync($"/qa/iros/{iroId}"));
        Assert.Contains($"Last: {UkTime.Short(Today(app))}", after);
    }

    [Fact]
    public async Task Two_managers_editing_one_observation_the_second_is_told_and_overwrites_nothing()
    {
        await using var app = new PortalApp();
        var first = await app.SignedInClient("manager@northmoor.example");
        var iroId = await IroId(app, "iro4@northmoor.example");
        var id = await RecordObservation(app, first, iroId, Today(app), submit: "draft");
        var second = await app.SignedInClient("manager@northmoor.example");
        var firstPage = await first.GetStringAsync($"/qa/observations/{id}/edit");
        var secondPage = await second.GetStringAsync($"/qa/observations/{id}/edit");
        string Version(string page) => System.Text.RegularExpressions.Regex.Match(page, "name=\"version\" value=\"([^\"]+)\"").Groups[1].Value;

        var firstSave = await first.SubmitAsync($"/qa/observations/{id}/edit", firstPage,
            Observation(iroId, Today(app), "draft", strengths: "First manager's words.").Append(F("version", Version(firstPage))).ToDictionary());
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        var secondSave = await second.SubmitAsync($"/qa/observations/{id}/edit", secondPage,
            Observation(iroId, Today(app), "draft", strengths: "Second manager's words.").Append(F("version", Version(secondPage))).ToDictionary());
        var body = WebUtility.HtmlDecode(await secondSave.Content.ReadAsStringAsync());
        Assert.Contains("Someone else saved this observation while you were editing it", body);
        Assert.Contains("Second manager's words.", body); // kept for them to copy
        Assert.Equal("First manager's words.", await InDatabase(app, db => db.Set<Observation>().Where(o => o.Id == id).Select(o => o.Strengths).SingleAsync()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Changing_the_audit_questions_makes_a_new_version_and_old_audits_keep_their_wording(DatabaseProvider provider)
    {
        await using var app = new PortalApp(provider);
        var manager = await app.SignedInClient("manager@northmoor.example");
        var oldAudit = await InDatabase(app, db => db.Set<CaseFileAudit>().Select(a => a.Id).FirstAsync());
        var questionsPage = await manager.GetStringAsync("/qa/audit-questions");
        var saved = await manager.SubmitAsync("/qa/audit-questions", questionsPage, new() { ["Form.Questions"] = "The plan names who does what by when\nThe child's view is recorded in their own words" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Version 2", await manager.GetStringAsync("/qa/audit-questions"));

        var oldPage = WebUtility.HtmlDecode(await manager.GetStringAsync($"/qa/audits/{oldAudit}"));
        Assert.Contains("The IRO read the child's file, plans and reports before the review", oldPage);
        Assert.Contains("Version 1", oldPage);

        var form = await manager.GetStringAsync("/qa/audits/new");
        Assert.Contains("The plan names who does what by when", form);
        var setId = System.Text.RegularExpressions.Regex.Match(form, "name=\"QuestionSetId\" value=\"([^\"]+)\"").Groups[1].Value;
        var questionIds = System.Text.RegularExpressions.Regex.Matches(form, "name=\"Answers\\[(\\d)\\].QuestionId\" value=\"([^\"]+)\"").Select(m => m.Groups[2].Value).ToList();
        var iroId = await IroId(app, "iro5@northmoor.example");
        var fields = new List<KeyValuePair<string, string>> { F("QuestionSetId", setId), F("IroId", iroId.ToString()), F("CaseReference", "NM-55512"), F("OverallGrade", "RequiresImprovement"), F("Summary", "Decisions lack timescales.") };
        fields.AddRange(Date("AuditedOn", UkTime.Today(app.Clock)));
        for (var i = 0; i < questionIds.Count; i++) { fields.Add(F($"Answers[{i}].QuestionId", questionIds[i])); fields.Add(F($"Answers[{i}].Answer", "Partly")); }
        var created = await manager.SubmitAsync("/qa/audits/new", form, fields.ToDictionary());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var newAudit = WebUtility.HtmlDecode(await manager.GetStringAsync(created.Headers.Location!.OriginalString));
        Assert.Contains("The child's view is recorded in their own words", newAudit);
        Assert.Contains("Partly", newAudit);
    }

    [Fact]
    public async Task Standards_changed_by_the_manager_apply_from_today_and_keep_their_history()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var page = await manager.GetStringAsync("/qa/standards");
        var fields = Enum.GetValues<QaActivity>().SelectMany((a, i) => new[] { F($"Standards[{i}].Activity", a.ToString()), F($"Standards[{i}].IntervalMonths", a == QaActivity.GuardianCourtFeedback ? "6" : "2") }).ToDictionary();
        var invalid = await manager.SubmitAsync("/qa/standards", page, fields.ToDictionary(f => f.Key, f => f.Key == "Standards[0].IntervalMonths" ? "0" : f.Value));
        Assert.Contains("Enter how many months, from 1 to 24, for direct observation", await invalid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync("/qa/standards", page, fields)).StatusCode);
        var after = WebUtility.HtmlDecode(await manager.GetStringAsync("/qa/standards"));
        Assert.Contains("6 months", after);
        Assert.Equal(8, await Count<QaStandard>(app)); // seven defaults and one change
    }
}

public sealed class AuditValidationTests
{
    [Fact]
    public async Task An_empty_audit_and_empty_questions_say_what_is_missing_and_save_nothing()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var audits = await Count<CaseFileAudit>(app);
        var form = await manager.GetStringAsync("/qa/audits/new");
        var setId = System.Text.RegularExpressions.Regex.Match(form, "name=\"QuestionSetId\" value=\"([^\"]+)\"").Groups[1].Value;
        var firstQuestion = System.Text.RegularExpressions.Regex.Match(form, "name=\"Answers\\[0\\].QuestionId\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await manager.SubmitAsync("/qa/audits/new", form, new() { ["QuestionSetId"] = setId, ["Answers[0].QuestionId"] = firstQuestion, ["Actions[0].Description"] = "Follow up" });
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        foreach (var message in new[] { "Enter the date of the audit", "Choose the IRO", "Choose an overall grade", "Summarise what the audit found",
                     "The audit questions changed while you were filling in the form", "Enter the due date of action 1" })
            Assert.Contains(message, page);
        Assert.Equal(audits, await Count<CaseFileAudit>(app));

        var questions = await manager.GetStringAsync("/qa/audit-questions");
        var empty = await manager.SubmitAsync("/qa/audit-questions", questions, new() { ["Form.Questions"] = "  \n " });
        Assert.Contains("Enter at least one question, one a line", await empty.Content.ReadAsStringAsync());
        Assert.Equal(1, await Count<AuditQuestionSet>(app));
    }
}
