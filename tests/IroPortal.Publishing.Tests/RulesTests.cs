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
    // Digits of other scripts, as a translation or a child may write them (Arabic-Indic, Persian, Devanagari).
    [InlineData("اتصل على ٠٧٧٠٠ ٩٠٠١٢٣ مساءً", "a phone number", "٠٧٧٠٠ ٩٠٠١٢٣")]
    [InlineData("شماره ۹۴۳ ۴۷۶ ۵۹۱۹ است", "an NHS number", "۹۴۳ ۴۷۶ ۵۹۱۹")]
    [InlineData("Born १२/०३/२०१५ in Delhi", PrivacyGuard.DateKind, "१२/०३/२०१५")]
    public void The_guard_finds_each_kind_of_identifier(string text, string kind, string found)
    {
        var finding = Assert.Single(Scan(text), f => f.Kind == kind);
        Assert.Equal(found, finding.Text);
        Assert.Equal(FindingEffect.Blocks, finding.Effect);
        Assert.Equal("section-1", finding.Anchor);
    }

    [Fact]
    public void In_another_language_every_full_date_is_a_finding_since_the_words_around_it_cannot_be_read()
    {
        var text = new GuardText("Summary", "section-1", "जन्म १२/०३/२०१५ को हुआ");
        Assert.DoesNotContain(PrivacyGuard.Scan([text], ApprovedNames.None, CaseReferences.Usual), f => f.Kind == PrivacyGuard.DateKind);
        Assert.Equal("१२/०३/२०१५", Assert.Single(PrivacyGuard.Scan([text], ApprovedNames.None, CaseReferences.Usual, everyFullDate: true), f => f.Kind == PrivacyGuard.DateKind).Text);
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

    [Theory]
    [InlineData("Born 2014-07-09 in the city.", "2014-07-09")]
    [InlineData("Born 9.7.14 in the city.", "9.7.14")]
    [InlineData("Born 09 07 2014 in the city.", "09 07 2014")]
    [InlineData("Born on the 9th of July 2014.", "9th of July 2014")]
    [InlineData("Born July 9th, 2014.", "July 9th, 2014")]
    [InlineData("Born 9-Jul-14, she is the eldest.", "9-Jul-14")]
    [InlineData("Her birthday is 9 July.", "9 July")]
    public void Dates_of_birth_are_found_however_they_are_written(string text, string found) =>
        Assert.Contains(Scan(text), f => f.Kind == PrivacyGuard.DateKind && f.Text == found);

    [Theory]
    [InlineData("+44 (0)7700 900123", IdentifyingText.PhoneKind)]
    [InlineData("+44 (0) 7700 900 123", IdentifyingText.PhoneKind)]
    [InlineData("0044 161 496 0000", IdentifyingText.PhoneKind)]
    [InlineData("(0161) 496-0000", IdentifyingText.PhoneKind)]
    [InlineData("020 7946 0018", IdentifyingText.PhoneKind)]
    [InlineData("ls14ap", IdentifyingText.PostcodeKind)]
    [InlineData("sw1a 2aa", IdentifyingText.PostcodeKind)]
    [InlineData("9434765919", IdentifyingText.NhsKind)]
    [InlineData("AB 12 34 56 C", IdentifyingText.NinoKind)]
    [InlineData("jo dot bloggs at example dot com", IdentifyingText.EmailKind)]
    [InlineData("@kid_2010", IdentifyingText.SocialKind)]
    [InlineData("instagram.com/kid.2010", IdentifyingText.SocialKind)]
    [InlineData("12 Acacia Avenue", IdentifyingText.AddressKind)]
    public void Each_identifier_is_found_in_its_usual_forms(string identifier, string kind) =>
        Assert.Contains(Scan($"The note gave {identifier} for the family."), f => f.Kind == kind && f.Text.Contains(identifier.Trim('@'), StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Ten_digit_numbers_without_an_nhs_check_digit_and_ordinary_figures_are_not_identifiers()
    {
        Assert.Empty(Scan("The service's budget code is 9434765918 this year."));
        Assert.Empty(Scan("Of 412 children, 121 started and 107 stopped; 1,204 reviews were held between 1 April 2025 and 31 March 2026."));
        Assert.Empty(Scan("Use A4 5th edition forms."));
    }

    [Fact]
    public void The_councils_own_case_reference_shape_is_found()
    {
        var shapes = CaseReferences.FromShapes("CR##-#####");
        var found = PrivacyGuard.Scan([new GuardText("Summary", "s", "The review for CR25-00412 drifted.")], ApprovedNames.None, shapes);
        Assert.Contains(found, f => f.Kind == IdentifyingText.CaseReferenceKind && f.Text == "CR25-00412");
        Assert.Empty(PrivacyGuard.Scan([new GuardText("Summary", "s", "The review for CR25-00412 drifted.")], ApprovedNames.None, CaseReferences.Usual));
        Assert.NotNull(CaseReferences.Problem("NM-AAAA"));
        Assert.Null(CaseReferences.Problem("NM-#####"));
    }

    [Fact]
    public void People_are_approved_by_their_whole_name_and_words_with_their_plurals_and_possessives()
    {
        var approved = new ApprovedNames(["Grace Murphy", "Cllr Margaret Hughes"], ["Commissioner", "Barnardo"]);
        IReadOnlyList<GuardFinding> Of(string text) => PrivacyGuard.Scan([new GuardText("Summary", "s", text)], approved, CaseReferences.Usual);

        Assert.Empty(Of("Grace Murphy observed the review. Grace Murphy's audit followed. Margaret Hughes chaired the board."));
        var lone = Assert.Single(Of("Grace said her review was good."));
        Assert.Equal(("Grace", "Grace Murphy"), (lone.Text, lone.Person));
        Assert.Empty(Of("The Commissioner's report and the Commissioners agreed. Barnardo's staff helped."));
        Assert.Single(Of("Murphy asked to see her brother."));
    }

    [Fact]
    public void An_output_the_guard_cannot_read_blocks_and_cannot_be_overridden()
    {
        var rules = new GuardRules(ApprovedNames.None, CaseReferences.Usual);
        var finding = Assert.Single(ReleaseComposer.ReadPdf("%PDF-1.7 not really a PDF"u8.ToArray(), [new("s", "Summary", "<p>Hi</p>")], rules));
        Assert.Equal(FindingEffect.Unreadable, finding.Effect);
        var workbook = ReleaseComposer.Read("Title", [new("s", "Summary", "<p>Fine words.</p>")], [1, 2, 3], new Dictionary<string, (string, string)>(), rules);
        Assert.Contains(workbook, f => f.Effect == FindingEffect.Unreadable && f.Text.StartsWith("The workbook", StringComparison.Ordinal));
        var checkedFinding = Assert.Single(PublishingService.Checked([finding], new Dictionary<string, IroPortal.Publishing.Models.GuardOverride> { [finding.Key] = new() }));
        Assert.True(checkedFinding.Outstanding);
    }

    [Fact]
    public void Where_the_rows_divide_a_total_one_hidden_count_hides_the_next_smallest_too_and_its_bar()
    {
        var table = new FigureTable("children-gender", "The children: gender", null, ["Gender", "Looked after", "Started"],
            [["Male", "417", "60"], ["Female", "3", "52"], ["Not recorded", "12", "2"]],
            new FigureChart("By gender", [new("Male", 417), new("Female", 3), new("Not recorded", 12)]), PartsOfAWhole: true);
        var (shown, _) = Suppression.Figures(table, "The children", "section-3", _ => false);
        Assert.Equal(["417", Suppression.FewerThanFive, Suppression.NotShown], shown.Rows.Select(r => r[1]));
        Assert.Equal(["60", Suppression.NotShown, Suppression.FewerThanFive], shown.Rows.Select(r => r[2]));
        Assert.Equal(["Male"], shown.Chart!.Bars.Select(b => b.Label));
        Assert.Contains(Suppression.ComplementNote, shown.Note);
        // A table of flows does not add up to anything: nothing more is hidden.
        var (flows, _) = Suppression.Figures(table with { PartsOfAWhole = false }, "The children", "section-3", _ => false);
        Assert.Equal(["417", Suppression.FewerThanFive, "12"], flows.Rows.Select(r => r[1]));
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
    public void Counts_with_their_share_and_counts_in_prose_are_suppressed_and_invisible_characters_split_nothing()
    {
        var (html, cells) = Suppression.Html("<table><tbody><tr><td>Residential</td><td>3 (2%)</td></tr></tbody></table>"
            + "<p>Only 4 unaccompanied asylum-seeking children arrived; two children's homes closed.</p>", "Summary", "s", _ => false);
        Assert.Contains("<td>Residential</td><td>fewer than 5</td>", html);
        Assert.Contains("Only fewer than 5 unaccompanied asylum-seeking children arrived; two children's homes closed.", html);
        Assert.Equal(2, cells.Count);
        Assert.Contains(Scan("Call 07700\u200b900123 or Ty\u00adler."), f => f.Kind == IdentifyingText.PhoneKind && f.Text == "07700900123");
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
