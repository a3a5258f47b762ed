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

/// <summary>For the demo: last year's return for a council of about 420 children, allocated to the demo IROs
/// (one of them carrying more than the Handbook's range), imported through the same path as a real one.</summary>
internal sealed class PerformanceDemoSeeder(PortalDbContext db, ImportService imports, WorkingDays workingDays, IStaffDirectory staff, TimeProvider clock) : IPortalSeeder
{
    public int Order => 20;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        if (!context.Demo || await db.Set<ReturnImport>().AnyAsync(cancellationToken)) return;
        var iros = (await staff.InRoleAsync(PortalRoles.Iro, cancellationToken)).Select(i => i.DisplayName).ToList();
        if (iros.Count == 0) return;
        var year = ReportingYear.Containing(UkTime.Today(clock)) - 1;
        var files = Return(year, iros, new Random(2025));
        var import = await imports.QueueAsync(year, files, "the demo set-up", null, cancellationToken);
        await imports.RunAsync(import.Id, files, cancellationToken: cancellationToken);
    }

    private List<SourceFile> Return(int year, IReadOnlyList<string> iros, Random random)
    {
        var yearEnd = ReportingYear.End(year);
        var header = new StringBuilder("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n");
        var episodes = new StringBuilder("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n");
        var reviews = new StringBuilder("CHILD,DOB,REVIEW,REVIEW_CODE\r\n");
        var allocations = new StringBuilder("CHILD,IRO,FROM,TO\r\n");
        string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        for (var c = 0; c < 600; c++)
        {
            var id = (700000 + c).ToString(CultureInfo.InvariantCulture);
            var born = new DateOnly(year - 17, 1, 1).AddDays(random.Next(0, 17 * 365));
            var start = new DateOnly(year - 3, 1, 1).AddDays(random.Next(0, 4 * 365 - 60));
            if (start <= born) start = born.AddDays(30);
            DateOnly? end = random.Next(10) < 3 ? start.AddDays(random.Next(120, 900)) : null;
            if (end > yearEnd) end = null;
            header.Append(CultureInfo.InvariantCulture, $"{id},{random.Next(1, 3)},{Date(born)},WBRI,,,\r\n");
            episodes.Append(CultureInfo.InvariantCulture, $"{id},{Date(start)},S,C2,N1,U1,PR1,{(end is { } e ? Date(e) : "")},{(end is null ? "" : "E11")},,,,\r\n");
            // Reviews on the statutory timetable, one in eight a little late.
            var last = (end ?? yearEnd) < yearEnd ? end!.Value : yearEnd;
            var due = workingDays.Add(start, 20);
            for (var n = 1; ; n++)
            {
                var held = random.Next(8) == 0 ? due.AddDays(random.Next(3, 30)) : due.AddDays(-random.Next(0, 15));
                if (held > last) break;
                var age = ReturnValidator.Age(born, held);
                var code = age < 4 ? "PN0" : random.Next(20) switch { < 8 => "PN1", < 10 => "PN2", 10 => "PN3", < 13 => "PN4", < 15 => "PN5", < 18 => "PN6", _ => "PN7" };
                reviews.Append(CultureInfo.InvariantCulture, $"{id},{Date(born)},{Date(held)},{code}\r\n");
                due = held.AddMonths(n == 1 ? 3 : 6);
            }
            // Half again as many children for the first IRO: a caseload over the Handbook's range.
            var iro = iros[random.Next(iros.Count * 2 + 1) % iros.Count];
            allocations.Append(CultureInfo.InvariantCulture, $"{id},{iro},{Date(start)},{(end is { } left ? Date(left) : "")}\r\n");
        }
        return
        [
            new("header.csv", Encoding.UTF8.GetBytes(header.ToString())),
            new("episodes.csv", Encoding.UTF8.GetBytes(episodes.ToString())),
            new("reviews.csv", Encoding.UTF8.GetBytes(reviews.ToString())),
            new("allocations.csv", Encoding.UTF8.GetBytes(allocations.ToString())),
        ];
    }
}
