using IroPortal.Performance.Services;
using static IroPortal.Performance.Tests.Data;

namespace IroPortal.Performance.Tests;

public sealed class ValidationTests
{
    private static readonly UploadLimits Limits = new();
    private static readonly ChildKeys Keys = new(new byte[32]);

    private static ParsedReturn Check(params SourceFile[] files) =>
        ReturnValidator.Validate(files.SelectMany(f => TableReader.Read(f, Limits)).ToList(), 2025, Keys);

    private static readonly SourceFile GoodHeader = Header(Child("100", "01/05/2015"), Child("200", "10/10/2023"));
    private static readonly SourceFile GoodEpisodes = Episodes(Episode("100", "01/06/2025"), Episode("200", "01/07/2025"));

    private static ImportProblem Only(ParsedReturn parsed, string kind) => Assert.Single(parsed.Problems, p => p.Kind == kind);

    [Fact]
    public void A_clean_return_imports_with_no_problem_but_the_missing_allocation_list()
    {
        var parsed = Check(GoodHeader, GoodEpisodes, Reviews(Review("100", "01/05/2015", "20/06/2025", "PN1")));
        Assert.True(parsed.CanImport);
        Assert.Equal("No allocation list", Assert.Single(parsed.Problems).Kind);
        Assert.Equal(2, parsed.Children.Count);
    }

    [Fact]
    public void Rows_to_store_hold_the_childs_keyed_hash_and_month_of_birth_never_the_identifier_or_the_date()
    {
        var parsed = Check(GoodHeader, GoodEpisodes, Reviews(Review("100", "01/05/2015", "20/06/2025", "PN1"), Review("200", "10/10/2023", "20/07/2025", "PN0")),
            Allocations("100,Jo Bloggs,01/06/2025,", "200,Jo Bloggs,01/07/2025,"));
        var key100 = Keys.Of("100");
        Assert.True(ChildKeys.IsKey(key100));
        Assert.NotEqual(key100, new ChildKeys(Enumerable.Repeat((byte)1, 32).ToArray()).Of("100")); // another council's key, another hash
        Assert.Equal([key100, Keys.Of("200")], parsed.Children.Select(c => c.ChildKey));
        // The child's rows still link: the same key in every table.
        Assert.Equal(key100, parsed.Episodes[0].ChildKey);
        Assert.Equal(key100, parsed.Reviews[0].ChildKey);
        Assert.Equal(key100, parsed.Allocations[0].ChildKey);
        Assert.Equal(new DateOnly(2015, 5, 1), parsed.Children[0].BirthMonth);
        Assert.Equal(new DateOnly(2023, 10, 1), parsed.Children[1].BirthMonth);
        Assert.Equal([true, false], parsed.Reviews.Select(r => r.AgedFourOrOver));
        // Problems still name the child as the return does, for the manager to find the row.
        var unknown = Check(GoodHeader, GoodEpisodes, Reviews(Review("999", "01/05/2015", "20/06/2025", "PN1")));
        Assert.Contains("Child 999", Assert.Single(unknown.Problems, p => p.Severity == Severity.Error).Message);
    }

    [Fact]
    public void A_missing_required_column_is_an_error_and_an_unknown_one_a_warning()
    {
        var parsed = Check(GoodHeader, GoodEpisodes, Csv("reviews.csv", "CHILD,REVIEW,SCORE", "100,20/06/2025,3"));
        var missing = Only(parsed, "Column missing");
        Assert.Equal((Severity.Error, "reviews.csv", 1, "REVIEW_CODE"), (missing.Severity, missing.File, missing.Row, missing.Column));
        Assert.Equal("The column REVIEW_CODE is missing from the header row. The reviews table needs CHILD, REVIEW, REVIEW_CODE.", missing.Message);
        Assert.Equal(Severity.Warning, Only(parsed, "Unknown column").Severity);
        Assert.False(parsed.CanImport);
    }

    [Fact]
    public void Each_row_problem_names_its_file_row_and_column()
    {
        var parsed = Check(GoodHeader,
            Episodes(Episode("100", "01/06/2025"), Episode("100", "31/02/2025"), Episode("300", "01/07/2025"), Episode("100", "01/09/2025", "01/08/2025"), Episode("200", "01/07/2025")),
            Reviews(
                Review("100", "01/05/2015", "2025-06-20", "PN1"),   // row 2: not dd/mm/yyyy
                Review("100", "01/05/2015", "21/06/2025", "PN9"),   // row 3: no such code
                Review("999", "01/05/2015", "22/06/2025", "PN1"),   // row 4: not in the header
                Review("200", "10/10/2023", "15/07/2025", "PN0"),   // row 5: fine, under 4
                Review("100", "01/05/2015", "23/06/2025", "PN0"),   // row 6: PN0 at 10
                Review("100", "01/05/2015", "01/05/2025", "PN1"),   // row 7: before care began
                Review("100", "01/05/2015", "23/06/2025", "PN0"),   // row 8: the same as row 6
                Review("100", "01/05/2015", "20/04/2026", "PN1"))); // row 9: after the year

        ImportProblem At(string file, int row) => Assert.Single(parsed.Problems, p => p.File == file && p.Row == row);
        Assert.Equal("'31/02/2025' is not a date in the form dd/mm/yyyy (the date the episode began).", At("episodes.csv", 3).Message);
        Assert.Equal(("DECOM", Severity.Error), (At("episodes.csv", 3).Column, At("episodes.csv", 3).Severity));
        Assert.Equal("Child 300 is not in the header table.", At("episodes.csv", 4).Message);
        Assert.Equal("The episode ends (01/08/2025) before it begins (01/09/2025).", At("episodes.csv", 5).Message);
        Assert.Equal("'2025-06-20' is not a date in the form dd/mm/yyyy (the review date).", At("reviews.csv", 2).Message);
        Assert.Equal("'PN9' is not a participation code; it must be one of PN0 to PN7.", At("reviews.csv", 3).Message);
        Assert.Equal(("CHILD", Severity.Error), (At("reviews.csv", 4).Column, At("reviews.csv", 4).Severity));
        Assert.DoesNotContain(parsed.Problems, p => p.Row == 5 && p.File == "reviews.csv");
        Assert.Equal("PN0 is only for a child under 4, but child 100 was 10 on 23/06/2025. The review is counted; its participation is not.", At("reviews.csv", 6).Message);
        Assert.Equal(Severity.Warning, At("reviews.csv", 6).Severity);
        Assert.Contains("is before child 100's care began (01/06/2025)", At("reviews.csv", 7).Message);
        Assert.Equal("The same review as row 6 (child 100 on 23/06/2025); it was counted once.", At("reviews.csv", 8).Message);
        Assert.Contains("after the end of the year being imported (31/03/2026)", At("reviews.csv", 9).Message);
        Assert.Equal(6, parsed.Errors); // three in episodes, three in reviews
        Assert.False(parsed.CanImport);
    }

    [Fact]
    public void A_child_twice_in_the_header_and_allocation_problems_are_reported()
    {
        var parsed = Check(Header(Child("100", "01/05/2015"), Child("100", "02/05/2015")), GoodEpisodes, Reviews(),
            Allocations("100,Daniel Okafor,01/04/2025,", "100,,01/05/2025,", "555,Sarah Whitfield,01/04/2025,", "100,Daniel Okafor,01/06/2025,01/05/2025"));
        Assert.Equal("Child 100 is in the header table twice (rows 2 and 3).", Only(parsed, "Child given twice").Message);
        Assert.Equal("The IRO's name is empty.", Only(parsed, "IRO missing").Message);
        // An allocation for a child the header does not know is only skipped.
        Assert.Equal(Severity.Warning, Assert.Single(parsed.Problems, p => p.Kind == "Child not in header" && p.File == "allocations.csv").Severity);
        Assert.Equal(Severity.Error, Only(parsed, "Allocation ends before it begins").Severity);
    }

    [Fact]
    public void A_workbook_with_the_three_sheets_reads_like_the_csv_files()
    {
        var workbook = Workbook("return.xlsx", GoodHeader, GoodEpisodes, Reviews(Review("100", "01/05/2015", "20/06/2025", "PN1")));
        var parsed = Check(workbook);
        Assert.True(parsed.CanImport);
        Assert.Equal((2, 2, 1), (parsed.Children.Count, parsed.Episodes.Count, parsed.Reviews.Count));
        Assert.Contains(parsed.TablesRead, t => t.Source == "return.xlsx, sheet reviews" && t.Rows == 1);
    }

    [Theory]
    [InlineData("return.xlsm", "is a macro-enabled workbook")]
    [InlineData("return.xls", "is in the old Excel format")]
    [InlineData("return.pdf", "is not a CSV file or an .xlsx workbook")]
    public void Files_of_the_wrong_kind_are_refused_by_name(string name, string message) =>
        Assert.Contains(message, Assert.Throws<RefusedFileException>(() => TableReader.Read(new SourceFile(name, [1, 2, 3]), Limits)).Message);

    [Fact]
    public void Unsafe_workbooks_are_refused_before_they_are_opened()
    {
        string Refusal(SourceFile file) => Assert.Throws<RefusedFileException>(() => TableReader.Read(file, Limits)).Message;
        Assert.Contains("not a real .xlsx workbook", Refusal(new SourceFile("renamed.xlsx", "CHILD,DOB\n1,01/01/2015"u8.ToArray())));
        Assert.Contains("password-protected", Refusal(new SourceFile("locked.xlsx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])));
        Assert.Contains("contains macros", Refusal(Zip("macros.xlsx", ("[Content_Types].xml", "<Types/>"), ("xl/vbaProject.bin", "x"))));
        Assert.Contains("macro-enabled", Refusal(Zip("types.xlsx", ("[Content_Types].xml", "<Types><Default ContentType=\"application/vnd.ms-excel.sheet.macroEnabled.main+xml\"/></Types>"))));
        Assert.Contains("DOCTYPE", Refusal(Zip("bomb.xlsx", ("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">]><workbook>&lol;</workbook>"))));
        Assert.Contains("parts inside", Assert.Throws<RefusedFileException>(() => TableReader.Read(Zip("many.xlsx", [.. Enumerable.Range(0, 30).Select(i => ($"x/{i}.txt", "x"))]), new UploadLimits { MaxZipEntries = 20 })).Message);
        Assert.Contains("once opened", Assert.Throws<RefusedFileException>(() => TableReader.Read(Zip("big.xlsx", ("x.txt", new string('a', 200_000))), new UploadLimits { MaxUncompressedBytes = 100_000 })).Message);
        Assert.Contains("at most 1 MB", Assert.Throws<RefusedFileException>(() => TableReader.Read(new SourceFile("big.csv", new byte[2 * 1024 * 1024]), new UploadLimits { MaxFileBytes = 1024 * 1024 })).Message);
    }

    /// <summary>The public messy sample imports with precise warnings and no errors. These are its numbers.</summary>
    [Fact]
    public void The_public_messy_sample_imports_with_precise_warnings()
    {
        var folder = SampleFolder();
        var files = Directory.GetFiles(folder, "*.csv").Order().Select(f => new SourceFile(Path.GetFileName(f), File.ReadAllBytes(f))).ToArray();
        var parsed = ReturnValidator.Validate(files.SelectMany(f => TableReader.Read(f, Limits)).ToList(), 2017, Keys);
        Assert.True(parsed.CanImport);
        Assert.Equal((2675, 5050, 12568, 0), (parsed.Children.Count, parsed.Episodes.Count, parsed.Reviews.Count, parsed.Allocations.Count));
        var byKind = parsed.Problems.GroupBy(p => p.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(14, byKind["Duplicate review"]);
        Assert.Equal(1, byKind["Table not used"]); // missing.csv; uasc.csv marks the unaccompanied asylum-seeking children
        Assert.Equal(1, byKind["No allocation list"]);
        Assert.True(byKind["PN0 for a child aged 4 or over"] > 1000);
        Assert.True(byKind["Review before care began"] > 100);
        Assert.True(byKind["Review after the year"] > 1000);
        Assert.Equal(12241, parsed.Warnings);
        Assert.Equal(0, parsed.Errors);
    }

    /// <summary>README's figures for the public sample, for each year it names, are what the sample gives.</summary>
    [Fact]
    public void What_the_readme_says_the_public_sample_gives_is_what_it_gives()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFolder(), "README.md"));
        var claims = System.Text.RegularExpressions.Regex.Matches(readme, @"`--year (\d{4})`[^`]*?with ([\d,]+) warnings and (no|[\d,]+) errors");
        Assert.True(claims.Count >= 2, "README should say what the public sample gives for the year of its own example and for the sample's busiest year");
        var files = Directory.GetFiles(SampleFolder(), "*.csv").Order().Select(f => new SourceFile(Path.GetFileName(f), File.ReadAllBytes(f))).ToArray();
        var tables = files.SelectMany(f => TableReader.Read(f, Limits)).ToList();
        foreach (System.Text.RegularExpressions.Match claim in claims)
        {
            var parsed = ReturnValidator.Validate(tables, int.Parse(claim.Groups[1].Value), Keys);
            var errors = claim.Groups[3].Value == "no" ? 0 : int.Parse(claim.Groups[3].Value.Replace(",", ""));
            Assert.Equal((claim.Groups[1].Value, int.Parse(claim.Groups[2].Value.Replace(",", "")), errors), (claim.Groups[1].Value, parsed.Warnings, parsed.Errors));
        }
    }

    private static string RepositoryFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IroPortal.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository (IroPortal.sln) was not found above the tests.");
    }

    internal static string SampleFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var sample = Path.Combine(dir.FullName, "shared", "data", "ssda903-fake");
            if (Directory.Exists(sample)) return sample;
            var beside = Path.Combine(dir.FullName, "..", "shared", "data", "ssda903-fake");
            if (Directory.Exists(beside)) return Path.GetFullPath(beside);
        }
        throw new InvalidOperationException("The public sample (shared/data/ssda903-fake) was not found beside the repository.");
    }
}
