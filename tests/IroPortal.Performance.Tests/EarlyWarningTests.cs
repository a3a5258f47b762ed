using System.Globalization;
using System.Net;
using IroPortal.Modularity;
using IroPortal.Modularity.Scheduling;
using IroPortal.Performance.Services;
using static IroPortal.Performance.Tests.Data;

namespace IroPortal.Performance.Tests;

/// <summary>
/// A year worked out by hand, read on 15 January (Y is the reporting year then):
///   A in care since June Y-1, last review 20 July Y (the fourth): due 20 January, within 20 working days. Jo.
///   B in care since February Y, second review 10 May Y: due 10 November Y, not held: late. Jo.
///   C came into care 1 December Y, IRO (Jo) allocated 20 December: late; no review, so the first is late too.
///   D came into care 2 January, IRO (Sam) the next day; first review due 20 working days later: soon.
///   Seven more of Sam's children with reviews due in March. Sam works 0.1 FTE (the allocation list): 8 / 0.1 = 80.
/// </summary>
public sealed class EarlyWarningTests
{
    [Fact]
    public async Task The_early_warning_lists_late_and_soon_reviews_late_allocations_and_iros_above_the_range_and_the_manager_hears_weekly()
    {
        await using var app = new PortalApp();
        var now = UkTime.Today(app.Clock);
        var target = new DateOnly(ReportingYear.Containing(now) + 1, 1, 15);
        if (target < now) target = target.AddYears(1);
        app.Clock.Advance(TimeSpan.FromDays(target.DayNumber - now.DayNumber));
        var y = ReportingYear.Containing(target);
        var days = WorkingDays.EnglandAndWales();
        string D(int year, int month, int day) => new DateOnly(year, month, day).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        const string Born = "01/01/2012";
        var fillers = Enumerable.Range(1, 7).Select(i => $"F{i}").ToList();
        SourceFile[] files =
        [
            Header([.. new[] { "A", "B", "C", "D" }.Concat(fillers).Select(c => Child(c, Born))]),
            Episodes([Episode("A", D(y - 1, 6, 1)), Episode("B", D(y, 2, 1)), Episode("C", D(y, 12, 1)), Episode("D", D(y + 1, 1, 2)), .. fillers.Select(f => Episode(f, D(y - 1, 6, 1)))]),
            Reviews([
                Review("A", Born, D(y - 1, 6, 20), "PN1"), Review("A", Born, D(y - 1, 9, 15), "PN1"), Review("A", Born, D(y, 3, 10), "PN1"), Review("A", Born, D(y, 7, 20), "PN1"),
                Review("B", Born, D(y, 2, 14), "PN1"), Review("B", Born, D(y, 5, 10), "PN1"),
                .. fillers.SelectMany(f => new[] { Review(f, Born, D(y - 1, 6, 20), "PN1"), Review(f, Born, D(y - 1, 9, 15), "PN1"), Review(f, Born, D(y, 3, 10), "PN1"), Review(f, Born, D(y, 9, 1), "PN1") })]),
            Csv("allocations.csv", ["CHILD,IRO,FROM,TO,FTE", $"A,Jo,{D(y - 1, 6, 1)},,", $"B,Jo,{D(y, 2, 1)},,", $"C,Jo,{D(y, 12, 20)},,", $"D,Sam,{D(y + 1, 1, 3)},,0.1",
                .. fillers.Select(f => $"{f},Sam,{D(y - 1, 6, 1)},,0.1")]),
        ];
        await app.InScope<ImportService, bool>(async imports =>
        {
            var import = await imports.QueueAsync(y, files, "Test", null);
            await imports.RunAsync(import.Id, files);
            return true;
        });

        var watch = await app.InScope<EarlyWarning, WatchList>(w => w.ReadAsync());
        Assert.Equal((y, target), (watch.Year, watch.DataTo));
        Assert.Equal([(new DateOnly(y, 11, 10), "Jo"), (days.Add(new DateOnly(y, 12, 1), 20), "Jo")], watch.Late.Select(d => (d.Due, d.Iro)));
        Assert.Equal([(new DateOnly(y + 1, 1, 20), "Jo"), (days.Add(new DateOnly(y + 1, 1, 2), 20), "Sam")], watch.DueSoon.Select(d => (d.Due, d.Iro)).OrderBy(d => d.Item1));
        var late = Assert.Single(watch.LateAllocations);
        Assert.Equal((new DateOnly(y, 12, 1), new DateOnly(y, 12, 20), "Jo"), (late.CareBegan, late.Allocated, late.Iro));
        Assert.Equal(("Sam", 8, 0.1, 80.0), Assert.Single(watch.AboveRange) is var above ? (above.Iro, above.Children, above.Fte, above.Caseload) : default);

        var manager = await app.SignedInClient("manager@northmoor.example");
        var page = WebUtility.HtmlDecode(await manager.GetStringAsync("/performance/watch"));
        Assert.Contains("2</span> reviews late", page);
        Assert.Contains("1</span> IROs allocated late", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInClient("iro1@northmoor.example")).GetAsync("/performance/watch")).StatusCode);

        var reminder = await app.InScope<IEnumerable<IReminderRule>, IReadOnlyList<ReminderOccurrence>>(rules => rules.Single(r => r.Key == "performance.early-warning")
            .DueAsync(new ReminderContext(app.Clock.GetUtcNow(), target, new ReminderSettings(true, new Dictionary<string, int>())), default));
        var told = Assert.Single(reminder);
        Assert.Equal("This week: 2 reviews late, 2 due in the next 20 working days", told.Title);
        Assert.Contains("1 child had an IRO allocated later than 5 working days", told.Body);
        Assert.Equal("/performance/watch", told.Link);
    }
}
