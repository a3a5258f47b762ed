using IroPortal.AnnualReport.Contracts;
using IroPortal.Modularity;
using IroPortal.Publishing.Services;

namespace IroPortal.Publishing.Tests;

/// <summary>The privacy guard, small-number suppression and the readability figures, on their own.</summary>
public sealed class RulesTests
{
    private static IReadOnlyList<GuardFinding> Scan(string text, bool publicVersion = true, params string[] approved) =>
        PrivacyGuard.Scan([new GuardText("Summary", "section-1", text)], ApprovedNames.ForPeople(approved), CaseReferences.Usual, smallCounts: publicVersion);

    [Theory]
    [InlineData("Contact the carer on 07700 900123 if needed.", "a phone number", "07700 900123")]
    [InlineData("Placed in NM3 4QT last year.", "a postcode", "NM3 4QT")]
    [InlineData("Write to her at jo.bloggs@example.com today.", "an email address", "jo.bloggs@example.com")]
    [InlineData("Her NHS number 943 476 5919 was wrong.", "an NHS number", "943 476 5919")]
    [InlineData("The school gave UPN A12345678901B to the team.", "a unique pupil number", "A12345678901B")]
    [InlineData("The review for case NM-10234 was late.", "a case reference", "NM-10234")]
    [InlineData("She was born on 12/03/2015 in the town.", PrivacyGuard.DateKind, "12/03/2015")]
    [InlineData("Reviews went well and Tyler said he liked his home.", PrivacyGuard.NameKind, "Tyler")]
    [InlineData("This year 3 children waited for a placement.", PrivacyGuard.SmallCountKind, "3 children")]
    public void The_guard_finds_each_kind_of_identifier(string text, string kind, string found)
    {
        var finding = Assert.Single(Scan(text), f => f.Kind == kind);
        Assert.Equal(found, finding.Text);
        Assert.Equal(FindingEffect.Blocks, finding.Effect);
        Assert.Equal("section-1", finding.Anchor);
    }

    [Fact]
    public void Dates_of_the_reporting_year_and_approved_names_pass_and_small_counts_matter_only_in_public()
    {
        Assert.Empty(Scan("Looked after on 31 March 2025. The Handbook and the Children Act 1989 apply to the Corporate Parenting Board."));
        Assert.Empty(Scan("The service had eight IROs and Priya Shah led the audits.", true, "Priya Shah"));
        Assert.Single(Scan("The service had eight IROs and Priya Shah led the audits."), f => f.Text == "Priya Shah");
        Assert.Empty(Scan("Two children waited.", publicVersion: false));
        Assert.Single(Scan("Two children waited."));
    }

    [Fact]
    public void Counts_of_one_to_four_children_become_fewer_than_5_and_leave_the_chart()
    {
        var table = new FigureTable("looked-after", "Children looked after", null, ["Measure", "Children"],
            [["At the start", "120"], ["Started", "3"], ["Stopped", "0"]],
            new FigureChart("Children looked after", [new("At the start", 120), new("Started", 3), new("Stopped", 0)]));
        var (shown, cells) = Suppression.Figures(table, "Children looked after table", "section-2", _ => false);
        Assert.Equal(["120", Suppression.FewerThanFive, "0"], shown.Rows.Select(r => r[1]));
        Assert.DoesNotContain(shown.Chart!.Bars, b => b.Label == "Started");
        Assert.Contains(Suppression.Note, shown.Note);
        var cell = Assert.Single(cells);

        var (kept, _) = Suppression.Figures(table, "Children looked after table", "section-2", key => key == cell.Key);
        Assert.Equal("3", kept.Rows[1][1]);

        var (html, mine) = Suppression.Html("<table><thead><tr><th>Placement</th><th>Children</th></tr></thead><tbody><tr><td>Out of area</td><td>2</td></tr><tr><td>In area</td><td>40</td></tr></tbody></table>", "Summary", "s", _ => false);
        Assert.Contains("<td>Out of area</td><td>fewer than 5</td>", html);
        Assert.Contains("<td>In area</td><td>40</td>", html);
        Assert.Single(mine);
    }

    [Fact]
    public void Readability_is_the_flesch_formulas_over_words_sentences_and_syllables()
    {
        Assert.Equal(1, Readability.Syllables("cat"));
        Assert.Equal(2, Readability.Syllables("table"));
        Assert.Equal(4, Readability.Syllables("independent"));
        Assert.Equal(1, Readability.Syllables("made"));

        var easy = Readability.Measure("Your IRO runs your review. They listen to you. You can say what you think.");
        Assert.Equal(3, easy.Sentences);
        Assert.Equal(15, easy.Words);
        Assert.True(easy.Grade < 5, $"grade {easy.Grade}");
        Assert.True(easy.ReadingEase > 80, $"ease {easy.ReadingEase}");
        Assert.False(easy.AboveLimit);

        var hard = Readability.Measure("The Independent Reviewing Officer ensures statutory compliance with the care planning regulations and monitors the timeliness of placement decisions on behalf of the corporate parent.");
        Assert.True(hard.AboveLimit, $"grade {hard.Grade}");
        Assert.Contains("statutory", hard.HardWords);
        Assert.Contains("regulations", hard.HardWords);
        Assert.Single(hard.LongestSentences);
    }
}
