using System.Net;
using IroPortal.Notifications.Models;
using IroPortal.Notifications.Services;
using IroPortal.Publishing.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Publishing.Tests;

public sealed class BoardAndChildrenTests
{
    [Fact]
    public async Task Board_members_are_told_ask_against_a_section_hear_the_answer_and_see_the_resolution()
    {
        await using var app = new PortalApp();
        const int year = 2033;
        await Reports.ApproveAsync(app, year, new() { ["summary"] = "Reviews were held on time." });
        var manager = await app.SignedInClient(Reports.Manager);
        await manager.PostFormAsync($"/publishing/{year}/board", new() { ["Board.MeetingDate.Day"] = "14", ["Board.MeetingDate.Month"] = "7", ["Board.MeetingDate.Year"] = "2034" }, $"/publishing/{year}");
        var release = await app.InDatabase(db => db.Set<Release>().SingleAsync(r => r.YearStart == year && r.Audience == Audience.Board));

        await app.Services.GetRequiredService<JobRunner>().RunAsync("publishing.board", CancellationToken.None);
        var board1 = (await app.InScope<IroPortal.Users.Contracts.IStaffDirectory, IReadOnlyList<IroPortal.Users.Contracts.StaffMember>>(s => s.InRoleAsync("Board member")))
            .Single(m => m.Email == "board1@northmoor.example").Id;
        Assert.Single(await app.InDatabase(db => db.Set<Notification>().Where(n => n.UserId == board1 && n.Link == $"/board/{year}").ToListAsync()));

        var member = await app.SignedInClient("board1@northmoor.example");
        var page = await member.GetStringAsync($"/board/{year}");
        Assert.Contains("For the corporate parenting board meeting on 14 July 2034", page);
        var anchor = System.Text.RegularExpressions.Regex.Match(page, "name=\"Question.Section\" value=\"([^\"]+)\"").Groups[1].Value;
        var empty = await member.SubmitAsync($"/board/{year}/questions", page, new() { ["Question.Section"] = anchor, ["Question.Text"] = "  " }, $"/board/{year}");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Enter your question", await empty.Content.ReadAsStringAsync());
        await member.SubmitAsync($"/board/{year}/questions", page, new() { ["Question.Section"] = anchor, ["Question.Text"] = "Why were three reviews late?" }, $"/board/{year}");
        var question = await app.InDatabase(db => db.Set<BoardQuestion>().SingleAsync(q => q.YearStart == year));
        Assert.Equal("Summary", question.SectionTitle);

        // Only the manager answers; a member cannot publish or answer.
        foreach (var refused in new[] { await member.CraftedPostAsync($"/board/{year}/questions/{question.Id}/answer", new() { ["answer"] = "Mine" }, $"/board/{year}"),
                                        await member.CraftedPostAsync($"/publishing/{year}/public", new(), $"/board/{year}") })
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null((await app.InDatabase(db => db.Set<BoardQuestion>().SingleAsync(q => q.Id == question.Id))).Answer);
        await manager.PostFormAsync($"/board/{year}/questions/{question.Id}/answer", new() { ["answer"] = "A change of social worker each time." }, $"/board/{year}");
        await app.Services.GetRequiredService<JobRunner>().RunAsync("publishing.board", CancellationToken.None);
        Assert.Single(await app.InDatabase(db => db.Set<Notification>().Where(n => n.UserId == board1 && n.Title.Contains("has been answered")).ToListAsync()));
        Assert.Contains("A change of social worker each time.", await member.GetStringAsync($"/board/{year}"));

        var resolution = new Dictionary<string, string>
        {
            ["Resolution.MeetingDate.Day"] = "14", ["Resolution.MeetingDate.Month"] = "7", ["Resolution.MeetingDate.Year"] = "2026",
            ["Resolution.Outcome"] = "noted-with-actions", ["Resolution.Minute"] = "Quarterly figures on late reviews to come to the board.",
        };
        var noOutcome = await manager.PostFormAsync($"/board/{year}/resolution", new(resolution) { ["Resolution.Outcome"] = "" }, $"/board/{year}");
        Assert.Contains("Choose what the board resolved", await noOutcome.Content.ReadAsStringAsync());
        await manager.PostFormAsync($"/board/{year}/resolution", resolution, $"/board/{year}");
        Assert.Contains("Noted, with actions", await member.GetStringAsync("/board"));

        // An IRO reads neither the board version nor its pack; the public never sees the board's release.
        var iro = await app.SignedInClient("iro1@northmoor.example");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await iro.GetAsync($"/board/{year}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await iro.GetAsync($"/board/{year}/figures.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync($"/reports/{year}")).StatusCode);
        Assert.Equal(release.Id, (await app.InDatabase(db => db.Set<Release>().SingleAsync(r => r.YearStart == year))).Id);
    }

    [Fact]
    public async Task A_childrens_summary_above_grade_5_needs_a_reason_which_is_recorded_and_it_is_published_as_easy_read()
    {
        await using var app = new PortalApp();
        const int year = 2034;
        var manager = await app.SignedInClient(Reports.Manager);
        var path = $"/publishing/{year}/for-children";
        var hard = new Dictionary<string, string>
        {
            ["WhatIsAnIro"] = "The Independent Reviewing Officer ensures statutory compliance with the care planning regulations and monitors the timeliness of placement decisions on behalf of the corporate parent.",
            ["WhatWeDid"] = "We held reviews.", ["WhatYouToldUs"] = "You told us reviews are long.", ["WhatWeWillDo"] = "We will make them short.",
            ["HowToTellUs"] = "Press the button.", ["FeedbackLink"] = "javascript:alert(1)",
        };
        var invalid = await manager.PostFormAsync(path, hard, path);
        Assert.Contains("Enter a web address starting https://", WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.InDatabase(db => db.Set<ChildrenSummary>().CountAsync(s => s.YearStart == year)));

        hard["FeedbackLink"] = "https://www.northmoor.example/children/have-your-say";
        await manager.PostFormAsync(path, hard, path);
        var editor = WebUtility.HtmlDecode(await manager.GetStringAsync(path));
        Assert.Contains("Above 5", editor);
        Assert.Contains("statutory", editor);

        var noReason = await manager.PostFormAsync(path + "/publish", new() { ["Publish.Reason"] = "" }, path);
        Assert.Contains("Make it simpler, or give the reason", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync($"/reports/{year}/for-children")).StatusCode);

        await manager.PostFormAsync(path + "/publish", new() { ["Publish.Reason"] = "The legal words are explained by the picture and the next part." }, path);
        var release = await app.InDatabase(db => db.Set<Release>().SingleAsync(r => r.YearStart == year && r.Audience == Audience.Children));
        Assert.Equal("The legal words are explained by the picture and the next part.", release.ReadabilityReason);

        var child = WebUtility.HtmlDecode(await app.NewClient().GetStringAsync($"/reports/{year}/for-children"));
        Assert.Contains("We will make them short.", child);
        Assert.Contains("href=\"https://www.northmoor.example/children/have-your-say\"", child);
        Assert.Contains("alt=\"Two speech bubbles\"", child);
    }
}
