using System.Net;
using System.Text.RegularExpressions;
using IroPortal.Modularity;
using IroPortal.Testing;

namespace IroPortal.Host.Tests;

/// <summary>After signing in, each role sees what needs doing in its own work, and the navigation by task: a few
/// sections, and the pages of the section it is in.</summary>
public sealed class StaffHomeTests
{
    private static async Task<string> Home(HttpClient client) => WebUtility.HtmlDecode(await client.GetStringAsync("/staff"));

    /// <summary>The status beside a task on the home page.</summary>
    private static string StatusOf(string home, string task)
    {
        var match = Regex.Match(home, $@">{Regex.Escape(task)}</a>.*?class=""govuk-task-list__status""[^>]*>\s*(?:<strong[^>]*>)?(?<status>[^<]+?)\s*<", RegexOptions.Singleline);
        Assert.True(match.Success, $"No task \"{task}\" on the home page");
        return match.Groups["status"].Value.Trim();
    }

    [Fact]
    public async Task The_manager_sees_the_contribution_round_quality_assurance_the_report_and_the_review_data_and_a_deadline_passing_shows()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var year = ReportingYear.Containing(UkTime.Today(app.Clock)) - 1;
        var home = await Home(manager);
        Assert.Contains("What needs doing", home);
        // The demo's round: four of eight have sent theirs, one waits to be read, the deadline is in ten days.
        Assert.Equal("1 to read", StatusOf(home, $"Contributions for {ReportingYear.Name(year)}"));
        Assert.Contains("4 of 8 IROs have sent theirs", home);
        Assert.Matches("^(Nothing overdue|\\d+ overdue)$", StatusOf(home, "Quality assurance this year"));
        Assert.NotEmpty(StatusOf(home, $"Annual report {ReportingYear.Name(year)}"));
        Assert.NotEmpty(StatusOf(home, "Early warning"));

        app.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal("4 late", StatusOf(await Home(await app.SignedInClient("manager@northmoor.example")), $"Contributions for {ReportingYear.Name(year)}"));
    }

    [Fact]
    public async Task An_iro_sees_their_own_contribution_and_quality_assurance_a_board_member_the_papers_and_nobody_sees_what_is_not_theirs()
    {
        await using var app = new PortalApp();
        var year = ReportingYear.Containing(UkTime.Today(app.Clock)) - 1;

        var iro = await Home(await app.SignedInClient("iro1@northmoor.example"));
        Assert.Matches("^(Due .+|Was due .+|Sent|Accepted|Returned for changes)$", StatusOf(iro, $"My contribution for {ReportingYear.Name(year)}"));
        Assert.NotEmpty(StatusOf(iro, "My quality assurance"));
        Assert.DoesNotContain("Quality assurance this year", iro);
        Assert.DoesNotContain($"Contributions for {ReportingYear.Name(year)}", iro);
        Assert.DoesNotContain("Early warning", iro);

        var board = await Home(await app.SignedInClient("board1@northmoor.example"));
        Assert.Contains("Board papers: annual report", board);
        Assert.DoesNotContain("Quality assurance this year", board);
        Assert.DoesNotContain("My contribution", board);

        var admin = await Home(await app.SignedInClient("admin@northmoor.example"));
        Assert.DoesNotContain("Quality assurance this year", admin);
        Assert.DoesNotContain("Board papers", admin);
    }

    [Fact]
    public async Task The_navigation_shows_each_role_its_sections_and_the_pages_of_the_section_it_is_in()
    {
        await using var app = new PortalApp();
        string[] Sections(string page) => Regex.Matches(Regex.Match(page, @"<ul class=""govuk-service-navigation__list"".*?</ul>", RegexOptions.Singleline).Value,
            @"govuk-service-navigation__link""[^>]*>([^<]+)</a>").Select(m => m.Groups[1].Value).ToArray();
        string[] SubPages(string page) => Regex.Matches(Regex.Match(page, @"<nav class=""app-sub-navigation"".*?</nav>", RegexOptions.Singleline).Value,
            @"app-sub-navigation__link""[^>]*>([^<]+)</a>").Select(m => m.Groups[1].Value).ToArray();

        var manager = await app.SignedInClient("manager@northmoor.example");
        var records = WebUtility.HtmlDecode(await manager.GetStringAsync("/qa/records"));
        // (and the test's sample module's)
        Assert.Equal(["Home", "Quality assurance", "Annual report", "Board", "Review data", "Disputes", "Settings"], Sections(records).Where(s => s != "Sample"));
        Assert.Contains("Observations and audits", SubPages(records));
        Assert.Contains("QA compliance board", SubPages(records));
        Assert.Matches(@"aria-current=""page""[^>]*>Observations and audits<", records);
        Assert.DoesNotContain("Review figures", SubPages(records));
        // A page not in the menu belongs to the section whose address it extends.
        Assert.Contains("Early warning", SubPages(WebUtility.HtmlDecode(await manager.GetStringAsync("/performance/iros"))));

        var iro = WebUtility.HtmlDecode(await (await app.SignedInClient("iro1@northmoor.example")).GetStringAsync("/staff"));
        Assert.DoesNotContain("Review data", Sections(iro));
        Assert.DoesNotContain("Settings", Sections(iro));
        Assert.Empty(SubPages(iro)); // the home page is no section's

        var admin = WebUtility.HtmlDecode(await (await app.SignedInClient("admin@northmoor.example")).GetStringAsync("/admin/users"));
        Assert.Contains("Settings", Sections(admin));
        Assert.Contains("Audit trail", SubPages(admin));
    }
}
