using System.Net;
using System.Text;
using IroPortal.Data;
using IroPortal.Notifications.Services;
using IroPortal.Notifications.Models;
using IroPortal.QualityAssurance.Models;
using IroPortal.Users.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IroPortal.QualityAssurance.Tests.QaFlows;

namespace IroPortal.QualityAssurance.Tests;

public sealed class ChildrensVoiceTests
{
    private const string Worrying = "My review was ok but he hits me when nobody is looking.";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_child_tells_us_without_a_link_and_it_is_counted_with_the_rest_as_self_started(DatabaseProvider provider)
    {
        await using var app = new PortalApp(provider);
        var iroId = await IroId(app, "iro2@northmoor.example");
        var child = app.NewClient();
        var form = await child.GetStringAsync("/tell-us");
        Assert.Contains("Tell us about your review", form);
        Assert.Contains("Who is your IRO?", WebUtility.HtmlDecode(form));
        Assert.DoesNotContain("name=\"Name\"", form);

        var sent = await child.SubmitAsync("/tell-us", form, new() { ["Ratings[child-listened]"] = "4", ["Iro"] = iroId.ToString(), ["Contact"] = "no", ["Texts[child-tell-us]"] = "I liked it." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var thanks = WebUtility.HtmlDecode(await child.GetStringAsync(sent.Headers.Location!.OriginalString));
        Assert.Contains("What happens next", thanks);
        Assert.Contains("0800 1111", thanks);
        Assert.Contains("href=\"/tell-us?version=children\"", thanks);

        var response = await app.InDatabase(db => db.Set<FeedbackResponse>().Include(r => r.Answers).SingleAsync(r => r.Channel == FeedbackChannel.SelfStarted));
        Assert.Equal((iroId, QaActivity.ChildFeedback, ChildFormVersion.Standard, (Guid?)null), (response.IroId, response.RespondentType, response.FormVersion, response.RequestId));
        Assert.Empty(await app.InDatabase(db => db.Set<UrgentConcern>().ToListAsync()));

        // Without an IRO named, it is still kept, and the manager sees it as self-started.
        var another = await child.SubmitAsync("/tell-us", await child.GetStringAsync("/tell-us?version=young-people"), new() { ["Ratings[child-meeting]"] = "2", ["Version"] = "young-people" });
        Assert.Equal(HttpStatusCode.Redirect, another.StatusCode);
        var unnamed = await app.InDatabase(db => db.Set<FeedbackResponse>().OrderByDescending(r => r.CreatedUtc).FirstAsync());
        Assert.Equal((FeedbackResponse.NoIroNamed, ChildFormVersion.YoungPeople), (unnamed.IroId, unnamed.FormVersion));
        var manager = await app.SignedInClient("manager@northmoor.example");
        var list = WebUtility.HtmlDecode(await manager.GetStringAsync("/qa/feedback"));
        Assert.Contains("Self-started", list);
        Assert.Contains("For young people and care leavers", WebUtility.HtmlDecode(await manager.GetStringAsync($"/qa/feedback/{unnamed.Id}")));
    }

    [Fact]
    public async Task A_form_filled_in_by_software_or_sent_too_often_is_not_kept_and_a_child_keeps_their_answers()
    {
        await using var app = new PortalApp(settings: new Dictionary<string, string?> { ["QualityAssurance:SelfStartedPerTenMinutes"] = "2" });
        var client = app.NewClient();
        var form = await client.GetStringAsync("/tell-us");
        var before = await Count<FeedbackResponse>(app);
        var trapped = await client.SubmitAsync("/tell-us", form, new() { ["Ratings[child-listened]"] = "5", ["Extra"] = "http://spam.example" });
        Assert.Equal(HttpStatusCode.Redirect, trapped.StatusCode); // thanked like a person, so it learns nothing
        Assert.Equal(before, await Count<FeedbackResponse>(app));

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/tell-us", form, new() { ["Ratings[child-listened]"] = "5" })).StatusCode);
        var refused = await client.SubmitAsync("/tell-us", form, new() { ["Ratings[child-listened]"] = "3", ["Texts[child-tell-us]"] = "Please read this" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Wait 10 minutes, then press Send again. Your answers are still here.", page);
        Assert.Contains("Please read this", page);
        Assert.Equal(before + 2, await Count<FeedbackResponse>(app));

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/tell-us", form, new() { ["Ratings[child-listened]"] = "3" })).StatusCode);
    }

    [Fact]
    public async Task A_worrying_message_tells_the_duty_managers_once_and_escalates_until_someone_records_what_was_done()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var managerId = await UserId(app, "manager@northmoor.example");
        var seniorId = await UserId(app, "senior@northmoor.example");
        var settingsPage = await manager.GetStringAsync("/qa/urgent/settings");
        var saved = await manager.SubmitAsync("/qa/urgent/settings", settingsPage, new()
        {
            ["DutyManagers"] = managerId.ToString(), ["FirstEscalation"] = seniorId.ToString(), ["Hours"] = "4", ["ExtraWords"] = "locked in my room",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var child = app.NewClient();
        var link = await MakeLink(manager, await IroId(app, "iro1@northmoor.example"));
        var sent = await child.SubmitAsync(link, await child.GetStringAsync(link), new() { ["Ratings[child-listened]"] = "2", ["Texts[child-tell-us]"] = Worrying });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("someone will read it today", WebUtility.HtmlDecode(await child.GetStringAsync(sent.Headers.Location!.OriginalString)));

        var concern = await app.InDatabase(db => db.Set<UrgentConcern>().SingleAsync());
        Assert.Contains("\u201chit* me\u201d", concern.Reasons);
        var runner = app.Services.GetRequiredService<JobRunner>();
        await runner.RunAsync("qa.urgent-messages", CancellationToken.None);
        await runner.RunAsync("qa.urgent-messages", CancellationToken.None);
        var told = Assert.Single(await Alerts(app));
        Assert.Equal((managerId, true, $"/qa/urgent/{concern.Id}"), (told.UserId, told.Urgent, told.Link));
        var emails = await app.InDatabase(db => db.Set<OutboxMessage>().Where(m => m.Subject.Contains("Urgent")).ToListAsync());
        var email = Assert.Single(emails);
        Assert.Equal("manager@northmoor.example", email.ToAddress);
        Assert.DoesNotContain("hits me", email.TextBody + email.HtmlBody + email.Subject); // the child's words stay in the portal

        // A week on, nothing recorded: it goes to the senior manager, once.
        app.Clock.Advance(TimeSpan.FromDays(7));
        await runner.RunAsync("qa.urgent-messages", CancellationToken.None);
        await runner.RunAsync("qa.urgent-messages", CancellationToken.None);
        var escalated = Assert.Single(await Alerts(app), n => n.UserId == seniorId);
        Assert.StartsWith("Escalated", escalated.Title);
        Assert.Equal(2, (await Alerts(app)).Count);

        manager = await app.SignedInClient("manager@northmoor.example"); // a week on, the first sign-in has timed out
        var page = await manager.GetStringAsync($"/qa/urgent/{concern.Id}");
        Assert.Contains(WebUtility.HtmlEncode(Worrying), page);
        var empty = await manager.SubmitAsync($"/qa/urgent/{concern.Id}/action", page, new() { ["Form.ActionTaken"] = " ", ["Form.Version"] = Hidden(page, "Form.Version") }, $"/qa/urgent/{concern.Id}");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Enter what was done", await empty.Content.ReadAsStringAsync());
        var recorded = await manager.SubmitAsync($"/qa/urgent/{concern.Id}/action", page, new() { ["Form.ActionTaken"] = "Told the social worker; she visited today.", ["Form.Version"] = Hidden(page, "Form.Version") }, $"/qa/urgent/{concern.Id}");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var done = await app.InDatabase(db => db.Set<UrgentConcern>().SingleAsync());
        Assert.False(done.IsOpen);
        Assert.Equal("Told the social worker; she visited today.", done.ActionTaken);

        Assert.Contains("Action recorded", await manager.GetStringAsync("/qa/urgent"));
        app.Clock.Advance(TimeSpan.FromDays(14));
        await runner.RunAsync("qa.urgent-messages", CancellationToken.None);
        Assert.Equal(2, (await Alerts(app)).Count);
        manager = await app.SignedInClient("manager@northmoor.example");

        // The manager's own words count too, and a parent's or carer's message is read the same way.
        var parentLink = await MakeLink(manager, await IroId(app, "iro1@northmoor.example"), QaActivity.ParentCarerFeedback);
        var parent = app.NewClient();
        await parent.SubmitAsync(parentLink, await parent.GetStringAsync(parentLink), new() { ["Texts[pc-better]"] = "She says she is Locked in my room at night." });
        Assert.Equal(2, await Count<UrgentConcern>(app));
    }

    [Fact]
    public async Task A_child_asking_to_be_contacted_is_urgent_even_with_no_worrying_words()
    {
        await using var app = new PortalApp();
        var child = app.NewClient();
        var sent = await child.SubmitAsync("/tell-us", await child.GetStringAsync("/tell-us"), new() { ["Contact"] = "yes", ["ContactDetails"] = "Ring my carer on 07700 900123" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var concern = await app.InDatabase(db => db.Set<UrgentConcern>().SingleAsync());
        Assert.Equal("Asked to be contacted", concern.Reasons);
        var response = await app.InDatabase(db => db.Set<FeedbackResponse>().SingleAsync(r => r.Channel == FeedbackChannel.SelfStarted));
        Assert.Equal((true, "Ring my carer on 07700 900123"), (response.WantsContact, response.ContactDetails));
    }

    [Fact]
    public async Task Urgent_messages_are_read_only_with_their_permission_and_every_reading_is_audited()
    {
        await using var app = new PortalApp();
        var child = app.NewClient();
        await child.SubmitAsync("/tell-us", await child.GetStringAsync("/tell-us"), new() { ["Texts[child-tell-us]"] = "I want to hurt myself" });
        var concern = await app.InDatabase(db => db.Set<UrgentConcern>().SingleAsync());
        var path = $"/qa/urgent/{concern.Id}";

        foreach (var (email, allowed) in new[] { ("manager@", true), ("senior@", true), ("iro1@", false), ("board1@", false), ("clerk@", false), ("admin@", false) })
        {
            var client = await app.SignedInClient(email + "northmoor.example");
            Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
            Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync("/qa/urgent")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInClient("senior@northmoor.example")).GetAsync("/qa/urgent/settings")).StatusCode);
        var anonymous = await app.NewClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);

        var reads = await app.InDatabase(db => db.Set<AuditEvent>().Where(e => e.EventType == "Child-level data read" && e.Detail!.Contains(path)).ToListAsync());
        Assert.Equal(["manager@northmoor.example", "senior@northmoor.example"], reads.Select(r => r.ActorName).Order());
        Assert.All(reads, r => Assert.DoesNotContain("hurt", r.Detail));
    }

    [Fact]
    public async Task Safeguarding_settings_say_what_is_wrong_and_keep_nothing_until_right()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var seniorId = await UserId(app, "senior@northmoor.example");
        var page = await manager.GetStringAsync("/qa/urgent/settings");
        var refused = await manager.SubmitAsync("/qa/urgent/settings", page, new()
        {
            ["DutyManagers"] = (await UserId(app, "iro1@northmoor.example")).ToString(), ["SecondEscalation"] = seniorId.ToString(), ["Hours"] = "four",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("only IRO managers and senior managers can be told", errors);
        Assert.Contains("Choose who comes before the second person to escalate to", errors);
        Assert.Contains("Enter the working hours as a whole number, like 4", errors);
        Assert.Empty(await app.InDatabase(db => db.Set<SafeguardingSettings>().ToListAsync()));
    }

    [Fact]
    public async Task A_translation_uploaded_reaches_the_form_right_to_left_with_english_beside_what_is_missing()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var template = await manager.GetByteArrayAsync("/qa/feedback/children/translation.csv");
        var lines = Encoding.UTF8.GetString(template).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("key,where,english,translation", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("title,", StringComparison.Ordinal));

        var addPage = await manager.GetStringAsync("/qa/feedback/children/languages/new");
        var bad = "key,where,english,translation\r\ntitle,,,أخبرنا عن مراجعتك\r\nnot-a-key,,,كلمة\r\ntitle,,,مرة أخرى\r\n";
        var refused = await Upload(manager, addPage, "ar", bad);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("arabic.csv, row 3, key: \u201cnot-a-key\u201d is not a key of the children's form", errors);
        Assert.Contains("arabic.csv, row 4, key: \u201ctitle\u201d is translated twice", errors);
        Assert.Equal(0, await Count<ChildLanguage>(app));

        var good = "key,where,english,translation\r\ntitle,,,أخبرنا عن مراجعتك\r\n\"q.children.child-listened\",,,\"هل استمع إليك، IRO؟\"\r\n";
        var added = await Upload(manager, addPage, "ar", good);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var child = app.NewClient();
        var form = await child.GetStringAsync("/tell-us?lang=ar");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\"", form);
        Assert.Contains("أخبرنا عن مراجعتك", form);
        Assert.Contains("هل استمع إليك، IRO؟", form);
        Assert.Contains("<span lang=\"en\" dir=\"ltr\">Did you know what would happen at your review?</span>", WebUtility.HtmlDecode(form));
        var sent = await child.SubmitAsync("/tell-us", form, new() { ["Ratings[child-listened]"] = "5", ["Lang"] = "ar" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\"", await child.GetStringAsync(sent.Headers.Location!.OriginalString));
        Assert.Equal("ar", (await app.InDatabase(db => db.Set<FeedbackResponse>().SingleAsync(r => r.Channel == FeedbackChannel.SelfStarted))).Language);

        // A language the council does not offer is English, never an error.
        var unknown = await child.GetStringAsync("/tell-us?lang=xx-<script>");
        Assert.Contains("<html lang=\"en\"", unknown);
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient manager, string page, string code, string csv)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(FormPosting.TokenOfForm(page, "/qa/feedback/children/languages/new", "/qa/feedback/children/languages/new")), "__RequestVerificationToken" },
            { new StringContent(code), "Code" }, { new StringContent("العربية"), "Name" }, { new StringContent("Arabic"), "EnglishName" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "arabic.csv" },
        };
        return await manager.PostAsync("/qa/feedback/children/languages/new", content);
    }

    private static string Hidden(string page, string name) =>
        System.Text.RegularExpressions.Regex.Match(page, $"name=\"{System.Text.RegularExpressions.Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value;

    private static Task<List<Notification>> Alerts(PortalApp app) =>
        app.InDatabase(db => db.Set<Notification>().Where(n => n.RuleKey == "qa.urgent-messages").ToListAsync());

    private static Task<Guid> UserId(PortalApp app, string email) =>
        app.InDatabase(db => db.Set<PortalUser>().Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
