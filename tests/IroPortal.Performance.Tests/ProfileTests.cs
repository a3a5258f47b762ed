using IroPortal.Modularity;
using IroPortal.Performance.Models;
using IroPortal.Performance.Services;
using static IroPortal.Performance.Tests.Data;

namespace IroPortal.Performance.Tests;

/// <summary>
/// The children of 2025-26, by hand. Looked after on 31 March 2026: A (boy, 9 then, White British, care order, foster
/// care), C (girl, 16, Black African, section 20, semi-independent, UASC until she is 18), D (girl, born January 2026:
/// under 1, not recorded, interim care order, placed with parents). Started in the year: C (15 when care began) and D
/// (a baby). B left in 2024 and is in neither.
/// </summary>
public sealed class ProfileTests
{
    [Fact]
    public void The_profile_counts_the_children_at_the_end_and_those_who_started_by_each_group()
    {
        SourceFile[] files =
        [
            Header("A,1,10/06/2016,WBRI,,,", "B,2,01/01/2010,WBRI,,,", "C,2,15/08/2009,BAFR,,,", "D,2,20/01/2026,,,,"),
            Episodes(Episode("A", "01/01/2023").Replace(",C2,N1,U1,", ",C2,N1,U4,"), Episode("B", "01/01/2023", "01/02/2024"),
                Episode("C", "01/07/2025").Replace(",C2,N1,U1,", ",V2,N1,H5,"), Episode("D", "25/01/2026").Replace(",C2,N1,U1,", ",C1,N1,P1,")),
            Reviews(Review("A", "10/06/2016", "01/06/2025", "PN1")),
            Csv("uasc.csv", "CHILD,SEX,DOB,DUC", "C,2,15/08/2009,15/08/2027", "Z,1,01/01/2010,"),
        ];
        var parsed = ReturnValidator.Validate(files.SelectMany(f => TableReader.Read(f, new UploadLimits())).ToList(), 2025, new ChildKeys(new byte[32]));
        Assert.True(parsed.CanImport);
        Assert.Contains(parsed.Problems, p => p.Kind == "Child not in the header" && p.File == "uasc.csv" && p.Row == 3);
        var figures = new FiguresCalculator(new ReviewTimeliness(WorkingDays.EnglandAndWales()))
            .Compute(2025, parsed.Children, parsed.Episodes, parsed.Reviews, parsed.Allocations, today: DateOnly.Parse("2026-11-22"), importedUtc: null);
        (int, int) Group(string measure, string group) => figures.Profile.SingleOrDefault(g => g.Measure == measure && g.Group == group) is { } g ? (g.AtEnd, g.Started) : (0, 0);

        Assert.Equal((1, 1), Group(ChildProfile.Age, "Under 1"));
        Assert.Equal((1, 0), Group(ChildProfile.Age, "5 to 9"));
        Assert.Equal((1, 0), Group(ChildProfile.Age, "16 and over"));
        Assert.Equal((0, 1), Group(ChildProfile.Age, "10 to 15"));
        Assert.Equal((1, 0), Group(ChildProfile.Gender, "Male"));
        Assert.Equal((2, 2), Group(ChildProfile.Gender, "Female"));
        Assert.Equal((1, 0), Group(ChildProfile.Ethnicity, "White"));
        Assert.Equal((1, 1), Group(ChildProfile.Ethnicity, "Black or Black British"));
        Assert.Equal((1, 1), Group(ChildProfile.Ethnicity, "Not recorded"));
        Assert.Equal((2, 1), Group(ChildProfile.LegalStatus, "Care order"));
        Assert.Equal((1, 1), Group(ChildProfile.LegalStatus, "Voluntary agreement (section 20)"));
        Assert.Equal((1, 0), Group(ChildProfile.Placement, "Foster care"));
        Assert.Equal((1, 1), Group(ChildProfile.Placement, "Independent and semi-independent living"));
        Assert.Equal((1, 1), Group(ChildProfile.Placement, "Placed with parents"));
        Assert.Equal((1, 1), Group(ChildProfile.Uasc, "Unaccompanied asylum-seeking"));
        // Every measure counts each child once: the groups add up to the children looked after and those who started.
        foreach (var measure in new[] { ChildProfile.Age, ChildProfile.Gender, ChildProfile.Ethnicity, ChildProfile.LegalStatus, ChildProfile.Placement })
            Assert.Equal((figures.LookedAfterAtEnd, figures.StartedCare), (figures.Profile.Where(g => g.Measure == measure).Sum(g => g.AtEnd), figures.Profile.Where(g => g.Measure == measure).Sum(g => g.Started)));
    }

    [Fact]
    public void A_sex_or_ethnicity_the_return_does_not_know_is_a_warning_on_its_row()
    {
        SourceFile[] files =
        [
            Header("A,3,10/06/2016,WXYZ,,,"), Episodes(Episode("A", "01/01/2023")), Reviews(Review("A", "10/06/2016", "01/06/2025", "PN1")),
        ];
        var parsed = ReturnValidator.Validate(files.SelectMany(f => TableReader.Read(f, new UploadLimits())).ToList(), 2025, new ChildKeys(new byte[32]));
        Assert.True(parsed.CanImport);
        Assert.Contains(parsed.Problems, p => p is { Kind: "Sex not recognised", File: "header.csv", Row: 2, Column: "SEX" });
        Assert.Contains(parsed.Problems, p => p is { Kind: "Ethnicity not recognised", File: "header.csv", Row: 2, Column: "ETHNIC" });
        Assert.Equal(("", "Not recognised"), (parsed.Children[0].Sex, parsed.Children[0].EthnicGroup));
    }

    [Fact]
    public void Distance_from_home_comes_from_PL_DISTANCE_and_a_distance_that_is_not_one_is_a_warning_counted_as_not_recorded()
    {
        SourceFile[] files =
        [
            Header(Child("A", "10/06/2016"), Child("B", "10/06/2014"), Child("C", "10/06/2012"), Child("D", "10/06/2010"), Child("E", "10/06/2011")),
            Csv("episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,PL_DISTANCE",
                Episode("A", "01/01/2023") + ",4.2", Episode("B", "01/01/2023") + ",20.0", Episode("C", "01/05/2025") + ",20.1",
                Episode("D", "01/01/2023") + ",", Episode("E", "01/01/2023") + ",twelve"),
            Reviews(Review("A", "10/06/2016", "01/06/2025", "PN1")),
        ];
        var parsed = ReturnValidator.Validate(files.SelectMany(f => TableReader.Read(f, new UploadLimits())).ToList(), 2025, new ChildKeys(new byte[32]));
        Assert.True(parsed.CanImport);
        var warning = Assert.Single(parsed.Problems, p => p.Kind == "Not a distance");
        Assert.Equal(("episodes.csv", 6, "PL_DISTANCE"), (warning.File, warning.Row, warning.Column));
        Assert.Contains("'twelve'", warning.Message);

        var figures = new FiguresCalculator(new ReviewTimeliness(WorkingDays.EnglandAndWales()))
            .Compute(2025, parsed.Children, parsed.Episodes, parsed.Reviews, parsed.Allocations, today: DateOnly.Parse("2026-11-22"), importedUtc: null);
        (int, int) Group(string group) => figures.Profile.SingleOrDefault(g => g.Measure == ChildProfile.Distance && g.Group == group) is { } g ? (g.AtEnd, g.Started) : (0, 0);
        Assert.Equal((2, 0), Group("20 miles or less"));
        Assert.Equal((1, 1), Group("Over 20 miles"));
        Assert.Equal((2, 0), Group("Not recorded"));
    }
}
