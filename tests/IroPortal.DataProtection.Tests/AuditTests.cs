using System.Net;
using System.Text;
using IroPortal.Modularity;
using IroPortal.Users.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.DataProtection.Tests;

public sealed class AuditTests
{
    [Fact]
    public async Task Reading_a_childs_records_is_audited_and_the_dpo_filters_and_downloads_the_trail()
    {
        await using var app = new PortalApp();
        var seeded = await Seeded.AddAsync(app, UkTime.Today(app.Clock).AddDays(-10));
        var manager = await app.SignedInClient("manager@northmoor.example");
        var iro = await app.SignedInClient("iro1@northmoor.example");

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/qa/observations/{seeded.Observation}")).StatusCode);
        // A refusal or a record that is not there reads nothing, so records nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/qa/observations/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await iro.GetAsync("/qa/records")).StatusCode);
        var reads = await app.InDatabase(db => db.Set<AuditEvent>().Where(e => e.EventType == "Child-level data read").ToListAsync());
        var read = Assert.Single(reads);
        Assert.Equal(("manager@northmoor.example", $"Observation of practice: GET /qa/observations/{seeded.Observation}"), (read.ActorName, read.Detail));

        var admin = await app.SignedInClient("admin@northmoor.example");
        var today = UkTime.Today(app.Clock).ToString("yyyy-MM-dd");
        var filtered = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/audit?type={Uri.EscapeDataString("Child-level data read")}&person=MANAGER@&from={today}&to={today}"));
        Assert.Contains($"GET /qa/observations/{seeded.Observation}", filtered);
        Assert.DoesNotContain("Signed in", filtered.Split("<tbody", 2).Last());
        Assert.Contains("No entries match.", WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/audit?type={Uri.EscapeDataString("Child-level data read")}&person=iro1@")));
        Assert.Contains("Enter dates as a day, month and year, for example 2026-12-01", WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit?from=31/12/2026")));

        var csv = await admin.GetAsync($"/admin/audit/audit-trail.csv?type={Uri.EscapeDataString("Child-level data read")}&person=manager@");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').TrimEnd().Split("\r\n");
        Assert.Equal("When (UTC),When (UK time),What,Who did it,To whom,Detail,From", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains($",Child-level data read,manager@northmoor.example,,Observation of practice: GET /qa/observations/{seeded.Observation},", lines[1]);

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/admin/audit/audit-trail.csv")).StatusCode);
    }

    [Fact]
    public async Task A_change_to_a_modules_records_is_audited_and_a_form_sent_back_with_errors_is_not()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var iro = (await app.InScope<IroPortal.Users.Contracts.IStaffDirectory, IReadOnlyList<IroPortal.Users.Contracts.StaffMember>>(s => s.InRoleAsync(IroPortal.Modularity.Permissions.PortalRoles.Iro))).First();
        var wrong = await manager.PostFormAsync("/qa/feedback/links/new", new Dictionary<string, string> { ["RespondentType"] = "ParentCarerFeedback", ["IroId"] = iro.Id.ToString(), ["RespondentEmail"] = "not an email" });
        Assert.Contains("Enter an email address", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        Assert.False(await app.InDatabase(db => db.Set<AuditEvent>().AnyAsync(e => e.EventType == "Record changed")));

        await manager.PostFormAsync("/qa/feedback/links/new", new Dictionary<string, string> { ["RespondentType"] = "ChildFeedback", ["IroId"] = iro.Id.ToString() });
        var change = Assert.Single(await app.InDatabase(db => db.Set<AuditEvent>().Where(e => e.EventType == "Record changed").ToListAsync()));
        Assert.Equal(("manager@northmoor.example", "Feedback link made: POST /qa/feedback/links/new"), (change.ActorName, change.Detail));
    }
}
