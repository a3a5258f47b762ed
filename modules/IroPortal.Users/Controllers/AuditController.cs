using System.Globalization;
using System.Text;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Users.Contracts;
using IroPortal.Users.Models;
using IroPortal.Users.ViewModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using CsvFile = IroPortal.Modularity.Csv;

namespace IroPortal.Users.Controllers;

/// <summary>The audit trail, newest first, filtered by person, kind and dates; as CSV for the DPO. Read-only: there is
/// no action that changes an entry.</summary>
[Area("Users")]
[Route("admin/audit")]
[RequirePermission(UsersPermissions.ViewAuditTrail)]
public sealed class AuditController(PortalDbContext db) : Controller
{
    private const int PageSize = 50;
    private const int MostRowsInCsv = 100_000;

    [HttpGet("", Name = AccountRoutes.Audit)]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, int page = 1)
    {
        page = Math.Max(1, page);
        var events = await Filtered(filter).OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        var types = await db.Set<AuditEvent>().Select(e => e.EventType).Distinct().ToListAsync();
        return View(new AuditPage(events.Take(PageSize).ToList(), filter, types.Union(KnownTypes).Order(StringComparer.Ordinal).ToList(), page, events.Count > PageSize));
    }

    /// <summary>The filtered entries, oldest first, in UTC and UK time.</summary>
    [HttpGet("audit-trail.csv", Name = AccountRoutes.AuditCsv)]
    public async Task<IActionResult> Csv([FromQuery] AuditFilter filter)
    {
        var csv = new StringBuilder("When (UTC),When (UK time),What,Who did it,To whom,Detail,From\r\n");
        await foreach (var e in Filtered(filter).OrderBy(e => e.OccurredUtc).ThenBy(e => e.Id).Take(MostRowsInCsv).AsAsyncEnumerable())
            csv.AppendJoin(',', [e.OccurredUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), UkTime.FromUtc(e.OccurredUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                CsvFile.Field(e.EventType), CsvFile.Field(e.ActorName), CsvFile.Field(e.SubjectName), CsvFile.Field(e.Detail), CsvFile.Field(e.IpAddress)]).Append("\r\n");
        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"audit-trail-{UkTime.DateOf(DateTime.UtcNow):yyyy-MM-dd}.csv");
    }

    private static readonly IReadOnlyList<string> KnownTypes = typeof(AuditEventTypes).GetFields().Select(f => (string)f.GetValue(null)!).ToList();

    private IQueryable<AuditEvent> Filtered(AuditFilter filter)
    {
        var query = db.Set<AuditEvent>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Type)) query = query.Where(e => e.EventType == filter.Type);
        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            var person = filter.Person.Trim().ToLower();
            query = query.Where(e => e.ActorName.ToLower().Contains(person) || e.SubjectName.ToLower().Contains(person));
        }
        if (filter.FromDate is { } from) { var fromUtc = UkTime.StartOfDayUtc(from); query = query.Where(e => e.OccurredUtc >= fromUtc); }
        if (filter.ToDate is { } to) { var beforeUtc = UkTime.StartOfDayUtc(to.AddDays(1)); query = query.Where(e => e.OccurredUtc < beforeUtc); }
        return query;
    }
}
