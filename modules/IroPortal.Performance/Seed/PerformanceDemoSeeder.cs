using System.Globalization;
using System.Text;
using IroPortal.Data;
using IroPortal.Data.Seeding;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Performance.Models;
using IroPortal.Performance.Services;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Performance.Seed;

/// <summary>For the demo: five years of returns for a council of about 420 children, allocated to the demo IROs (one
/// of them carrying more than the Handbook's range), each imported through the same path as a real one. The years
/// come from one set of children, so that each year starts where the one before ended.</summary>
internal sealed class PerformanceDemoSeeder(PortalDbContext db, ImportService imports, WorkingDays workingDays, IStaffDirectory staff, TimeProvider clock) : IPortalSeeder
{
    public const int Years = 5;

    public int Order => 20;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        if (!context.Demo || await db.Set<ReturnImport>().AnyAsync(cancellationToken)) return;
        var iros = (await staff.InRoleAsync(PortalRoles.Iro, cancellationToken)).Select(i => i.DisplayName).ToList();
        if (iros.Count == 0) return;
        var last = ReportingYear.Containing(UkTime.Today(clock)) - 1;
        var children = Children(last - Years + 1, last, iros, new Random(2025));
        for (var year = last - Years + 1; year <= last; year++)
        {
            var files = Return(year, children);
            var import = await imports.QueueAsync(year, files, "the demo set-up", null, cancellationToken);
            await imports.RunAsync(import.Id, files, cancellationToken: cancellationToken);
        }
    }

    private sealed record DemoChild(string Id, DateOnly Born, DateOnly Start, DateOnly? End, string Iro, List<(DateOnly Held, string Code)> Reviews,
        int Sex, string Ethnic, string LegalStatus, string Placement, bool Uasc);

    /// <summary>Picks by weight: ("C2", 60) is chosen six times as often as ("J2", 10).</summary>
    private static string Pick(Random random, params (string Code, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (code, weight) in choices)
            if ((roll -= weight) < 0) return code;
        return choices[^1].Code;
    }

    /// <summary>Children coming into care at about 170 a year from five years before the first year, staying about
    /// two and a half years on average: about 420 are looked after at any time. Reviews run on the statutory
    /// timetable, one in eight late (one in six in the earlier years).</summary>
    private List<DemoChild> Children(int first, int last, IReadOnlyList<string> iros, Random random)
    {
        var from = ReportingYear.Start(first - 5);
        var until = ReportingYear.End(last);
        var children = new List<DemoChild>();
        var days = 0.0;
        for (var start = from; start <= until; days += -Math.Log(1 - random.NextDouble()) * 2.15, start = from.AddDays((int)days))
        {
            var born = start.AddDays(-random.Next(30, 17 * 365));
            DateOnly? end = start.AddDays(30 + (int)(-Math.Log(1 - random.NextDouble()) * 880));
            if (end > until) end = null;
            var reviews = new List<(DateOnly, string)>();
            var due = workingDays.Add(start, 20);
            for (var n = 1; ; n++)
            {
                var held = random.Next(start.Year < last - 1 ? 6 : 8) == 0 ? due.AddDays(random.Next(3, 30)) : due.AddDays(-random.Next(0, 15));
                if (held > (end ?? until)) break;
                var age = ReturnValidator.Age(born, held);
                reviews.Add((held, age < 4 ? "PN0" : random.Next(20) switch { < 8 => "PN1", < 10 => "PN2", 10 => "PN3", < 13 => "PN4", < 15 => "PN5", < 18 => "PN6", _ => "PN7" }));
                due = held.AddMonths(n == 1 ? 3 : 6);
            }
            // A few older children arrive alone, seeking asylum.
            var uasc = ReturnValidator.Age(born, start) >= 14 && random.Next(5) == 0;
            var ethnic = uasc ? Pick(random, ("BAFR", 3), ("AOTH", 3), ("OOTH", 2), ("MOTH", 1))
                : Pick(random, ("WBRI", 70), ("WOTH", 4), ("WROM", 2), ("MWBC", 6), ("MOTH", 3), ("APKN", 4), ("AIND", 2), ("BCRB", 3), ("BAFR", 3), ("OOTH", 2), ("NOBT", 1));
            var legal = uasc ? "V2" : Pick(random, ("C2", 55), ("C1", 15), ("V2", 18), ("E1", 8), ("J2", 2), ("L2", 2));
            var placement = uasc ? Pick(random, ("U4", 4), ("H5", 5), ("P2", 1)) : legal == "E1" ? "A4" : Pick(random, ("U4", 52), ("U1", 14), ("U5", 6), ("K2", 10), ("P1", 6), ("H5", 7), ("R1", 3), ("Z1", 2));
            // Half again as many children for the first IRO: a caseload over the Handbook's range.
            children.Add(new((700000 + children.Count).ToString(CultureInfo.InvariantCulture), born, start, end, iros[random.Next(iros.Count * 2 + 1) % iros.Count], reviews,
                1 + random.Next(2), ethnic, legal, placement, uasc));
        }
        return children;
    }

    /// <summary>Three in four children placed within 20 miles of home, the rest up to 120 miles away; worked out from
    /// the child's identifier, so that it stays the same from year to year without drawing on the random sequence.</summary>
    private static double Miles(string id)
    {
        var share = long.Parse(id, CultureInfo.InvariantCulture) * 7919 % 1000 / 1000.0;
        return share < 0.75 ? share / 0.75 * 20 : 20.1 + (share - 0.75) * 400;
    }

    /// <summary>A year's return: the children in care at some time in the year, their care as known at its end.</summary>
    private static List<SourceFile> Return(int year, IReadOnlyList<DemoChild> children)
    {
        var (yearStart, yearEnd) = (ReportingYear.Start(year), ReportingYear.End(year));
        var header = new StringBuilder("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n");
        var episodes = new StringBuilder("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,PL_DISTANCE\r\n");
        var reviews = new StringBuilder("CHILD,DOB,REVIEW,REVIEW_CODE\r\n");
        var allocations = new StringBuilder("CHILD,IRO,FROM,TO\r\n");
        var uasc = new StringBuilder("CHILD,SEX,DOB,DUC\r\n");
        string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        foreach (var child in children.Where(c => c.Start <= yearEnd && (c.End is null || c.End >= yearStart)))
        {
            var end = child.End <= yearEnd ? child.End : null;
            header.Append(CultureInfo.InvariantCulture, $"{child.Id},{child.Sex},{Date(child.Born)},{child.Ethnic},,,\r\n");
            episodes.Append(CultureInfo.InvariantCulture, $"{child.Id},{Date(child.Start)},S,{child.LegalStatus},N1,{child.Placement},PR1,{(end is { } e ? Date(e) : "")},{(end is null ? "" : "E11")},,,,,{Miles(child.Id):0.0}\r\n");
            // UASC status ceases at 18.
            if (child.Uasc) uasc.Append(CultureInfo.InvariantCulture, $"{child.Id},{child.Sex},{Date(child.Born)},{Date(child.Born.AddYears(18))}\r\n");
            // The two reviews before the year too: this year's timetable runs on from them (the second is due three
            // months after the first, the rest six).
            var before = child.Reviews.Count(r => r.Held < yearStart);
            foreach (var (held, code) in child.Reviews.Skip(Math.Max(0, before - 2)).Where(r => r.Held <= yearEnd))
                reviews.Append(CultureInfo.InvariantCulture, $"{child.Id},{Date(child.Born)},{Date(held)},{code}\r\n");
            allocations.Append(CultureInfo.InvariantCulture, $"{child.Id},{child.Iro},{Date(child.Start)},{(end is { } left ? Date(left) : "")}\r\n");
        }
        return
        [
            new("header.csv", Encoding.UTF8.GetBytes(header.ToString())),
            new("episodes.csv", Encoding.UTF8.GetBytes(episodes.ToString())),
            new("reviews.csv", Encoding.UTF8.GetBytes(reviews.ToString())),
            new("allocations.csv", Encoding.UTF8.GetBytes(allocations.ToString())),
            new("uasc.csv", Encoding.UTF8.GetBytes(uasc.ToString())),
        ];
    }
}
