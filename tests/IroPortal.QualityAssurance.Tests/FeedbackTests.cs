using System.Net;
using IroPortal.Data;
using IroPortal.QualityAssurance.Models;
using Microsoft.EntityFrameworkCore;
using static IroPortal.QualityAssurance.Tests.QaFlows;

namespace IroPortal.QualityAssurance.Tests;

public sealed class FeedbackTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_child_answers_through_a_link_once_without_an_account_and_the_answers_are_kept_as_text(DatabaseProvider provider)
    {
        await using var app = new PortalApp(provider);
        var manager = await app.SignedInClient("manager@northmoor.example");
        var iroId = await IroId(app, "iro1@northmoor.example");
        var link = await MakeLink(manager, iroId);

        var child = app.NewClient();
        var form = await child.GetStringAsync(link);
        Assert.Contains("Tell us about your review", form);
        Assert.Contains("We do not ask your name", form);
        Assert.DoesNotContain("name=\"Name\"", form);
        var sent = await child.SubmitAsync(link, form, new() { ["Ratings[child-listened]"] = "5", ["Texts[child-tell-us]"] = "<script>alert('hi')</script> My IRO came to see me." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("We have your answers", await child.GetStringAsync(sent.Headers.Location!.OriginalString));

        var again = await child.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("We already have your answers", await again.Content.ReadAsStringAsync());

        var response = await InDatabase(app, db => db.Set<FeedbackResponse>().Include(r => r.Answers).OrderByDescending(r => r.CreatedUtc).FirstAsync());
        Assert.Equal(iroId, response.IroId);
        Assert.Equal(FeedbackChannel.Online, response.Channel);
        Assert.Equal(2, response.Answers.Count); // unanswered questions are not stored
        var page = await manager.GetStringAsync($"/qa/feedback/{response.Id}");
        Assert.Contains("&lt;script&gt;", page);
        Assert.DoesNotContain("<script>alert", page);
        Assert.Contains("Really good (5 of 5)", page);
    }

    [Fact]
    public async Task The_same_form_sent_twice_at_once_stores_one_response()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var link = await MakeLink(manager, await IroId(app, "iro2@northmoor.example"), QaActivity.ParentCarerFeedback);
        var before = await Count<FeedbackResponse>(app);
        var parent = app.NewClient();
        var form = await parent.GetStringAsync(link);
        var answers = new Dictionary<string, string> { ["Ratings[pc-listened]"] = "4" };
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => parent.SubmitAsync(link, form, answers)));
        Assert.All(results, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Equal(before + 1, await Count<FeedbackResponse>(app));
    }

    [Fact]
    public async Task An_expired_link_gets_a_page_that_says_what_to_do_and_an_unknown_one_too()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var link = await MakeLink(manager, await IroId(app, "iro3@northmoor.example"), QaActivity.GuardianCourtFeedback);
        app.Clock.Advance(TimeSpan.FromDays(29));
        var expired = await app.NewClient().GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("ask the person who sent you the link for a new one", await expired.Content.ReadAsStringAsync());

        var unknown = await app.NewClient().GetAsync("/feedback/" + new string('x', 43));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("We cannot find this link", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_iro_may_make_links_only_for_their_own_reviews()
    {
        await using var app = new PortalApp();
        var iro = await app.SignedInClient("iro1@northmoor.example");
        var form = await iro.GetStringAsync("/qa/feedback/links/new");
        Assert.DoesNotContain("Sarah Whitfield", form); // only themselves to choose
        var incomplete = WebUtility.HtmlDecode(await (await iro.SubmitAsync("/qa/feedback/links/new", form, new() { ["RespondentEmail"] = "not an email", ["ReviewDate.Day"] = "31", ["ReviewDate.Month"] = "2", ["ReviewDate.Year"] = "2026" })).Content.ReadAsStringAsync());
        Assert.Contains("Choose who the feedback is from", incomplete);
        Assert.Contains("The date of the review must be a real date", incomplete);
        Assert.Contains("Enter an email address in the right format", incomplete);
        var other = await iro.SubmitAsync("/qa/feedback/links/new", form, new() { ["RespondentType"] = "ChildFeedback", ["IroId"] = (await IroId(app, "iro2@northmoor.example")).ToString() });
        Assert.Contains("Choose the IRO the feedback is about", await other.Content.ReadAsStringAsync());
        var made = await (await iro.SubmitAsync("/qa/feedback/links/new", form, new() { ["RespondentType"] = "ChildFeedback", ["IroId"] = (await IroId(app, "iro1@northmoor.example")).ToString() })).Content.ReadAsStringAsync();
        Assert.Contains("feedback-link", made);
        Assert.Contains("aria-label=\"QR code for the feedback form\"", made); // the slip to print and hand over
    }

    [Fact]
    public async Task Feedback_received_on_paper_is_typed_in_with_its_date_and_checked()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var page = await manager.GetStringAsync("/qa/feedback/received?type=GuardianCourtFeedback");
        var nothing = await manager.SubmitAsync("/qa/feedback/received", page, new() { ["RespondentType"] = "GuardianCourtFeedback", ["Answers.Ratings[gc-care-plan]"] = "9" });
        var errors = WebUtility.HtmlDecode(await nothing.Content.ReadAsStringAsync());
        Assert.Contains("Choose the IRO the feedback is about", errors);
        Assert.Contains("Enter the date it was received", errors);
        Assert.Contains("Choose how it was received", errors);
        Assert.Contains("Choose one of the answers for \"The IRO's view of the care plan was clear\"", errors);

        var iroId = await IroId(app, "iro4@northmoor.example");
        var today = IroPortal.Modularity.UkTime.Today(app.Clock);
        var saved = await manager.SubmitAsync("/qa/feedback/received", page, new Dictionary<string, string>
        {
            ["RespondentType"] = "GuardianCourtFeedback", ["IroId"] = iroId.ToString(), ["Channel"] = "Paper",
            ["ReceivedOn.Day"] = today.Day.ToString(), ["ReceivedOn.Month"] = today.Month.ToString(), ["ReceivedOn.Year"] = today.Year.ToString(),
            ["Answers.Ratings[gc-care-plan]"] = "4", ["Answers.Texts[gc-better]"] = "=HYPERLINK(\"http://example.test\")",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var board = WebUtility.HtmlDecode(await manager.GetStringAsync($"/qa/iros/{iroId}"));
        Assert.Contains("Guardians and courts, received", board);
    }
}
