using System.Net;
using IroPortal.Modularity;
using IroPortal.Performance.Contracts;
using IroPortal.Performance.Models;
using IroPortal.Performance.Services;
using Microsoft.EntityFrameworkCore;
using static IroPortal.Performance.Tests.Data;

namespace IroPortal.Performance.Tests;

/// <summary>Caseloads as the Handbook means them: children allocated per full-time IRO.</summary>
public sealed class CaseloadTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date);

    /// <summary>Jo has two children all year (2025-26): an average of 2 on each day.</summary>
    private static IroFigures Jo(IReadOnlyList<IroWorkingTime>? times = null, double? listed = null)
    {
        var episodes = new[] { new CareEpisode { ChildKey = "A", Start = D("2024-01-01"), YearStart = 2025 }, new CareEpisode { ChildKey = "B", Start = D("2024-01-01"), YearStart = 2025 } };
        var allocations = new[] { "A", "B" }.Select(c => new IroAllocation { ChildKey = c, IroName = "Jo", From = D("2024-01-01"), Fte = listed, YearStart = 2025 }).ToList();
        var children = new[] { "A", "B" }.Select(c => new CareChild { ChildKey = c, BirthMonth = D("2012-01-01"), YearStart = 2025 }).ToList();
        return Assert.Single(new FiguresCalculator(new ReviewTimeliness(WorkingDays.EnglandAndWales()))
            .Compute(2025, children, episodes, [], allocations, today: D("2026-11-22"), importedUtc: null, times).Iros);
    }

    [Fact]
    public void The_caseload_divides_by_the_time_left_for_iro_work_weighted_by_the_days_each_change_held()
    {
        var assumed = Jo();
        Assert.Equal((2.0, 1.0, FteSource.AssumedFullTime, 2.0), (assumed.AverageOverYear, assumed.Fte, assumed.FteFrom, assumed.Caseload));
        var listed = Jo(listed: 0.8);
        Assert.Equal((0.8, FteSource.AllocationList, 2.5), (listed.Fte, listed.FteFrom, listed.Caseload));
        // Half time until 30 September (183 days), then full time with a quarter on conferences (182 days):
        // (183 x 0.5 + 182 x 0.75) / 365 = 0.62 FTE for IRO work; 2 / 0.62 = 3.2. The profile wins over the list.
        var changed = Jo(
        [
            new IroWorkingTime { IroName = "Jo", From = D("2023-06-01"), Fte = 0.5 },
            new IroWorkingTime { IroName = "jo", From = D("2025-10-01"), Fte = 1.0, OtherDutiesFte = 0.25, OtherDuties = "Child protection conferences" },
        ], listed: 0.8);
        Assert.Equal((0.62, FteSource.Profile, 3.2), (changed.Fte, changed.FteFrom, changed.Caseload));
    }

    [Fact]
    public void An_allocation_lists_fte_column_is_read_and_a_wrong_one_is_an_error_with_its_row()
    {
        var keys = new ChildKeys(new byte[32]);
        RawTable[] Tables(string fte) =>
        [
            .. TableReader.Read(Header(Child("100", "01/05/2015")), new UploadLimits()),
            .. TableReader.Read(Episodes(Episode("100", "01/06/2025")), new UploadLimits()),
            .. TableReader.Read(Reviews(Review("100", "01/05/2015", "20/06/2025", "PN1")), new UploadLimits()),
            .. TableReader.Read(Csv("allocations.csv", "CHILD,IRO,FROM,TO,FTE", $"100,Daniel Okafor,01/06/2025,,{fte}"), new UploadLimits()),
        ];
        Assert.Equal(0.8, Assert.Single(ReturnValidator.Validate(Tables("0.8"), 2025, keys).Allocations).Fte);
        var wrong = ReturnValidator.Validate(Tables("eighty"), 2025, keys);
        var problem = Assert.Single(wrong.Problems, p => p.Kind == "Not a full-time equivalent");
        Assert.Equal(("allocations.csv", 2, "FTE"), (problem.File, problem.Row, problem.Column));
        Assert.False(wrong.CanImport);
    }

    [Fact]
    public async Task The_manager_records_working_time_with_clear_errors_and_the_figures_use_it_while_other_roles_are_refused()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        const string page = "/performance/iros";
        var refused = await manager.PostFormAsync(page, new()
        {
            ["Form.Iro"] = "Nobody Known", ["Form.From.Day"] = "31", ["Form.From.Month"] = "2", ["Form.From.Year"] = "2025", ["Form.Fte"] = "1.5", ["Form.OtherDutiesFte"] = "0.2",
        });
        var errors = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("<title>Error: ", errors);
        Assert.Contains("Choose the IRO", errors);
        Assert.Contains("as a number from 0.1 to 1.0", errors);
        Assert.Contains("Say what the other duties are", errors);
        Assert.Equal(0, await app.InDatabase(db => db.Set<IroWorkingTime>().CountAsync()));

        var iro = await app.InDatabase(db => db.Set<IroAllocation>().Where(a => a.YearStart >= 0).Select(a => a.IroName).FirstAsync());
        var year = ReportingYear.Containing(UkTime.Today(app.Clock)) - 1;
        var before = WebUtility.HtmlDecode(await manager.GetStringAsync($"/performance?year={year}"));
        Assert.Contains("1.0 (assumed)", before);
        await manager.PostFormAsync(page, new()
        {
            ["Form.Iro"] = iro, ["Form.From.Day"] = "1", ["Form.From.Month"] = "1", ["Form.From.Year"] = (year - 3).ToString(), ["Form.Fte"] = "0.6",
            ["Form.OtherDutiesFte"] = "0.1", ["Form.OtherDuties"] = "Chairing child protection conferences",
        });
        var kept = await app.InDatabase(db => db.Set<IroWorkingTime>().SingleAsync());
        Assert.Equal((iro, 0.6, 0.1), (kept.IroName, kept.Fte, kept.OtherDutiesFte));
        var figures = await app.InScope<IReviewFigures, ReviewFigures>(f => f.ForYearAsync(year));
        var theirs = figures.Iros.Single(i => i.Iro == iro);
        Assert.Equal((0.5, FteSource.Profile, Math.Round(theirs.AverageOverYear / 0.5, 1)), (theirs.Fte, theirs.FteFrom, theirs.Caseload));
        Assert.Contains("Chairing child protection conferences", WebUtility.HtmlDecode(await manager.GetStringAsync(page)));

        foreach (var who in new[] { "iro1@northmoor.example", "board1@northmoor.example", "senior@northmoor.example", "clerk@northmoor.example", "admin@northmoor.example" })
        {
            var client = await app.SignedInClient(who);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(page)).StatusCode);
        }
        Assert.NotEqual(HttpStatusCode.OK, (await app.NewClient().GetAsync(page)).StatusCode);
    }
}
