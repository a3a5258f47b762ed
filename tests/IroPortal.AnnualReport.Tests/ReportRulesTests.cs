using IroPortal.AnnualReport.Contracts;
using IroPortal.AnnualReport.Models;
using IroPortal.AnnualReport.Services;
using IroPortal.Modularity;
using Microsoft.AspNetCore.Html;

namespace IroPortal.AnnualReport.Tests;

/// <summary>The rules the report lives by, without a server: workflow, carry-over, differences, safe Markdown.</summary>
public sealed class ReportRulesTests
{
    [Fact]
    public void A_report_goes_draft_to_review_to_approved_and_back_to_draft_from_review_or_to_be_corrected()
    {
        var allowed = (from before in Enum.GetValues<ReportStatus>()
                       from after in Enum.GetValues<ReportStatus>()
                       where ReportWorkflow.CanMove(before, after)
                       select (before, after)).ToList();
        Assert.Equal([(ReportStatus.Draft, ReportStatus.InReview), (ReportStatus.InReview, ReportStatus.Draft), (ReportStatus.InReview, ReportStatus.Approved), (ReportStatus.Approved, ReportStatus.Draft)], allowed);
        Assert.False(ReportWorkflow.CanEdit(ReportStatus.Approved));
        Assert.True(ReportWorkflow.CanEdit(ReportStatus.InReview));
        Assert.True(ReportWorkflow.CanComment(ReportStatus.InReview));
        Assert.False(ReportWorkflow.CanComment(ReportStatus.Draft));
    }

    [Fact]
    public void Last_years_priorities_are_the_top_level_items_of_its_priorities_section()
    {
        var lastYear = new Report
        {
            Sections =
            [
                new ReportSection { Key = "summary", Body = "- Not a priority" },
                new ReportSection
                {
                    Key = ReportOutline.PrioritiesNext,
                    Body = "We will:\n\n1. **Hold** first reviews on time\n2. Ask every child how they want to take part\n   - a detail, not a priority\n\nAnd also:\n\n- Cut caseloads to 70\n",
                },
            ],
        };
        Assert.Equal(["Hold first reviews on time", "Ask every child how they want to take part", "Cut caseloads to 70"], ReportService.CarriedPriorities(lastYear));
        Assert.Empty(ReportService.CarriedPriorities(null));
    }

    [Fact]
    public void The_line_difference_keeps_common_lines_and_marks_what_was_added_and_removed()
    {
        var lines = VersionDiff.Lines("one\ntwo\nthree", "one\n2\nthree\nfour");
        Assert.Equal(
            [(LineChange.Same, "one"), (LineChange.Removed, "two"), (LineChange.Added, "2"), (LineChange.Same, "three"), (LineChange.Added, "four")],
            lines.Select(l => (l.Change, l.Text)));
    }

    [Fact]
    public void Comparing_versions_finds_added_removed_renamed_and_changed_sections_and_progress_updates()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid(), p = Guid.NewGuid();
        var older = new ReportSnapshot([new(a, "", "Summary", "Old words"), new(b, "", "Service", "Same"), new(c, "", "Gone", "Bye")], [new(p, "Cut caseloads", "")]);
        var newer = new ReportSnapshot([new(a, "", "Summary", "New words"), new(b, "", "The service", "Same"), new(d, "", "Added", "Hello")], [new(p, "Cut caseloads", "Done")]);
        var diff = VersionDiff.Compare(older, newer).ToDictionary(s => s.Title);
        Assert.Equal("changed", diff["Summary"].Change);
        Assert.Equal("renamed", diff["The service"].Change);
        Assert.Equal("Service", diff["The service"].OldTitle);
        Assert.Equal("added", diff["Added"].Change);
        Assert.Equal("removed", diff["Gone"].Change);
        Assert.Contains(diff["Updates on last year's priorities"].Lines, l => l is { Change: LineChange.Added, Text: "Done" });
    }

    [Fact]
    public void Markdown_from_users_cannot_bring_html_scripts_or_outside_images_onto_a_page()
    {
        var html = Render("<script>alert(1)</script>\n\n[click](javascript:alert(1)) ![x](https://tracker.example/p.gif) [ok](https://www.gov.uk)\n\n# Heading");
        Assert.DoesNotContain("<script", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("href=\"https://www.gov.uk\"", html);
        Assert.Contains("<h3 class=\"govuk-heading-m\"", html); // below the section's own h2
    }

    [Fact]
    public void A_figures_line_becomes_its_block_and_an_unknown_one_says_so()
    {
        var figures = new Dictionary<string, FigureTable>
        {
            ["caseloads"] = new("caseloads", "IRO caseloads", null, ["IRO", "Children"], [["Daniel Okafor", "64"]], new("Caseloads", [new("Daniel Okafor", 64)])),
        };
        var html = Render("Intro\n\n{{figures:caseloads}}\n\n{{figures:nonsense}}\n", figures);
        Assert.Contains("<svg", html);
        Assert.Contains("<caption class=\"govuk-table__caption govuk-table__caption--s\">IRO caseloads</caption>", html);
        Assert.Contains("There are no figures called", html);
        Assert.Equal(["caseloads", "nonsense"], ReportMarkdown.FigureKinds("{{figures:caseloads}}\ntext\n {{ figures:nonsense }} \n"));
    }

    [Fact]
    public void Frozen_figures_survive_the_trip_through_json_unchanged()
    {
        var figures = new Dictionary<string, FigureTable>
        {
            ["caseloads"] = new("caseloads", "IRO caseloads", "note", ["IRO", "Children"], [["Daniel Okafor", "64"]],
                new("Caseloads", [new("Daniel Okafor", 64)], BandFrom: 50, BandTo: 70, BandLabel: "50 to 70")),
        };
        var thawed = FigureBlocks.Thaw(FigureBlocks.Freeze(figures));
        Assert.Equal(Render("{{figures:caseloads}}", figures), Render("{{figures:caseloads}}", thawed));
    }

    [Theory]
    [InlineData("Write to me at kid@example.com", "an email address")]
    [InlineData("Ring 07700 900123 any time", "a phone number")]
    [InlineData("I live near NE1 4ST now", "a postcode")]
    [InlineData("my birthday is 12/03/2014", "a full date, such as a date of birth")]
    [InlineData("born 3rd March 2012 in the hospital", "a full date, such as a date of birth")]
    [InlineData("NHS number 943 476 5919 on the form", "an NHS number")]
    [InlineData("UPN A12345678901B is on the form", "a unique pupil number")]
    [InlineData("see case NM-10234 for more", "a case reference")]
    public void Identifying_details_are_found_in_childrens_words(string text, string kind)
    {
        var finding = Assert.Single(IdentifyingText.Find(text));
        Assert.Equal(kind, finding.Kind);
        Assert.False(finding.IsPossibleName);
    }

    [Fact]
    public void A_capitalised_word_mid_sentence_may_be_a_name_unless_it_is_staff_or_a_common_word()
    {
        var findings = IdentifyingText.Find("I like living with Jenny. My IRO Sarah Whitfield listens. \"Mum comes at Christmas.\"", ApprovedNames.ForPeople(["Sarah Whitfield"]));
        var name = Assert.Single(findings);
        Assert.Equal("Jenny", name.Text);
        Assert.True(name.IsPossibleName);
        Assert.Empty(IdentifyingText.Find("Reviews were held at home. They went well."));
    }

    private static string Render(string markdown, IReadOnlyDictionary<string, FigureTable>? figures = null)
    {
        using var writer = new StringWriter();
        ReportMarkdown.Render(markdown, kind => FigureBlocks.Render(figures ?? new Dictionary<string, FigureTable>(), kind))
            .WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
