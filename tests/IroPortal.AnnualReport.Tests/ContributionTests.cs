using System.Net;
using IroPortal.Contributions.Models;
using IroPortal.Modularity;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.AnnualReport.Tests;

public sealed class ContributionTests
{
    private static KeyValuePair<string, string> F(string key, string value) => KeyValuePair.Create(key, value);

    internal static async Task<Guid> StaffId(PortalApp app, string email)
    {
        using var scope = app.Services.CreateScope();
        var iros = await scope.ServiceProvider.GetRequiredService<IStaffDirectory>().InRoleAsync("IRO");
        return iros.Single(i => i.Email == email).Id;
    }

    /// <summary>The manager opens a round for one IRO for the year just ended; returns that IRO's contribution.</summary>
    private static async Task<Contribution> OpenRoundFor(PortalApp app, HttpClient manager, Guid iro)
    {
        var deadline = UkTime.Today(app.Clock).AddDays(14);
        var year = ReportingYear.Containing(UkTime.Today(app.Clock)) - 1;
        var opened = await manager.PostFormAsync("/contributions/rounds/new",
            [F("YearStart", year.ToString()), F("Deadline.Day", deadline.Day.ToString()), F("Deadline.Month", deadline.Month.ToString()),
             F("Deadline.Year", deadline.Year.ToString()), F("IroIds", iro.ToString()), F("Guidance", "Tell us about participation.")],
            "/contributions/rounds/new");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var roundId = Guid.Parse(opened.Headers.Location!.OriginalString.Split('/').Last());
        return await app.InDatabase(db => db.Set<Contribution>().SingleAsync(c => c.RoundId == roundId));
    }

    private static Dictionary<string, string> Complete(Contribution c, string submit) => new()
    {
        ["Version"] = c.Version.ToString(), ["submit"] = submit,
        ["Caseload"] = c.Caseload?.ToString() ?? "60", ["ReviewsChaired"] = c.ReviewsChaired?.ToString() ?? "140",
        ["GoodPractice"] = "Reviews at home.", ["Themes"] = "Changes of social worker.", ["ConcernsRaised"] = "Drift challenged twice.",
        ["ChildrenVoices"] = "\"I chaired my review.\"", ["TrainingReceived"] = "Chairing.", ["TrainingNeeded"] = "Advocacy.", ["Improvements"] = "Templates.",
    };

    private static Task<Contribution> Reload(PortalApp app, Guid id) => app.InDatabase(db => db.Set<Contribution>().AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task An_iro_drafts_and_submits_the_manager_returns_it_with_comments_and_accepts_the_revision()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var iro = await app.SignedInClient("iro2@northmoor.example");
        var contribution = await OpenRoundFor(app, manager, await StaffId(app, "iro2@northmoor.example"));
        Assert.NotNull(contribution.PrefilledCaseload); // the demo's review data names this IRO
        var edit = $"/contributions/{contribution.Id}/edit";
        Assert.Contains(edit, await iro.GetStringAsync("/contributions/mine"));

        // Submitting an empty form says what is missing, field by field, and changes nothing.
        var page = await iro.GetStringAsync(edit);
        var empty = await iro.SubmitAsync(edit, page, new() { ["Version"] = contribution.Version.ToString(), ["submit"] = "submit", ["Caseload"] = "sixty" });
        var errors = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        Assert.Contains("Your caseload must be a whole number from 0 to 500", errors);
        Assert.Contains("Write something under \"Good practice from your reviews\"", errors);
        Assert.Contains("href=\"#ChildrenVoices\"", errors);
        Assert.Equal(ContributionStatus.NotStarted, (await Reload(app, contribution.Id)).Status);

        // Changed figures need a reason; a possible name needs the IRO's word that it is not a child's.
        var fields = Complete(contribution, "submit");
        fields["Caseload"] = (contribution.PrefilledCaseload + 5).ToString()!;
        fields["ChildrenVoices"] = "\"I like living with Jenny.\"";
        var unchecked_ = WebUtility.HtmlDecode(await (await iro.SubmitAsync(edit, page, fields)).Content.ReadAsStringAsync());
        Assert.Contains("Say why your figures differ from the review data", unchecked_);
        Assert.Contains("\"Jenny\" may be a name", unchecked_);

        fields["FiguresChangeReason"] = "Five children transferred to me in March.";
        fields["NamesChecked"] = "true";
        fields["ChildrenVoices"] = "\"Jenny is my dog.\"";
        fields["submit"] = "draft";
        Assert.Equal(HttpStatusCode.Redirect, (await iro.SubmitAsync(edit, page, fields)).StatusCode);
        var draft = await Reload(app, contribution.Id);
        Assert.Equal(ContributionStatus.Draft, draft.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/contributions/{contribution.Id}")).StatusCode); // a draft is the IRO's own

        fields["Version"] = draft.Version.ToString();
        fields["submit"] = "submit";
        Assert.Equal(HttpStatusCode.Redirect, (await iro.PostFormAsync(edit, fields, edit)).StatusCode);
        Assert.Equal(ContributionStatus.Submitted, (await Reload(app, contribution.Id)).Status);

        // Returning needs comments; the IRO sees them and revises.
        var details = $"/contributions/{contribution.Id}";
        var submitted = await Reload(app, contribution.Id);
        var noComment = await manager.PostFormAsync($"{details}/return", new() { ["version"] = submitted.Version.ToString(), ["comments"] = " " }, details);
        Assert.Contains("Write what the IRO should change", await noComment.Content.ReadAsStringAsync());
        await manager.PostFormAsync($"{details}/return", new() { ["version"] = submitted.Version.ToString(), ["comments"] = "Say more about the themes." }, details);
        var returned = await Reload(app, contribution.Id);
        Assert.Equal(ContributionStatus.Returned, returned.Status);
        Assert.Contains("Say more about the themes.", await iro.GetStringAsync(edit));

        fields["Version"] = returned.Version.ToString();
        fields["Themes"] = "Changes of social worker, and what we did about them.";
        Assert.Equal(HttpStatusCode.Redirect, (await iro.PostFormAsync(edit, fields, edit)).StatusCode);
        var resubmitted = await Reload(app, contribution.Id);
        await manager.PostFormAsync($"{details}/accept", new() { ["version"] = resubmitted.Version.ToString() }, details);
        var accepted = await Reload(app, contribution.Id);
        Assert.Equal(ContributionStatus.Accepted, accepted.Status);
        Assert.Equal(contribution.PrefilledCaseload + 5, accepted.Caseload);

        // Accepted: on the round page, beside the report's editor, and no longer editable by the IRO.
        Assert.Contains("Accepted", await manager.GetStringAsync($"/contributions/rounds/{contribution.RoundId}"));
        var year = ReportingYear.Containing(UkTime.Today(app.Clock)) - 1;
        var report = await app.InDatabase(db => db.Set<IroPortal.AnnualReport.Models.Report>().Include(r => r.Sections).SingleAsync(r => r.YearStart == year));
        var editor = WebUtility.HtmlDecode(await manager.GetStringAsync($"/annual-report/{year}/sections/{report.Sections[0].Id}"));
        Assert.Contains("Changes of social worker, and what we did about them.", editor);
        Assert.Equal(HttpStatusCode.Redirect, (await iro.GetAsync(edit)).StatusCode);
    }

    [Fact]
    public async Task Childrens_words_with_a_phone_number_are_refused_and_an_iro_cannot_open_anothers_contribution()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var contribution = await OpenRoundFor(app, manager, await StaffId(app, "iro2@northmoor.example"));
        var iro = await app.SignedInClient("iro2@northmoor.example");
        var edit = $"/contributions/{contribution.Id}/edit";
        var fields = Complete(contribution, "submit");
        fields["ChildrenVoices"] = "\"Ring me on 07700 900123.\"";
        fields["NamesChecked"] = "true";
        var response = await iro.PostFormAsync(edit, fields, edit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("looks like a phone number", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(ContributionStatus.NotStarted, (await Reload(app, contribution.Id)).Status);

        var other = await app.SignedInClient("iro1@northmoor.example");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/contributions/{contribution.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(edit)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.CraftedPostAsync(edit, Complete(contribution, "submit"), "/contributions/mine")).StatusCode);
        Assert.Equal(ContributionStatus.NotStarted, (await Reload(app, contribution.Id)).Status);
    }
}
