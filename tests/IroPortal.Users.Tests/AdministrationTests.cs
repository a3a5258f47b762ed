using System.Net;
using System.Text.RegularExpressions;
using IroPortal.Data;
using IroPortal.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Users.Tests;

public sealed partial class AdministrationTests
{
    [GeneratedRegex("data-testid=\"password-link\">([^<]+)<")]
    private static partial Regex PasswordLink();

    [GeneratedRegex("name=\"ConcurrencyStamp\" value=\"([^\"]*)\"")]
    private static partial Regex Stamp();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task An_administrator_invites_a_user_who_sets_their_own_password_and_signs_in(DatabaseProvider provider)
    {
        await using var app = new PortalApp(provider);
        var admin = await app.SignedInClient("admin@northmoor.example");
        var created = await admin.PostFormAsync("/admin/users/new", new[]
        {
            KeyValuePair.Create("DisplayName", "Nadia Brook"), KeyValuePair.Create("Email", "nadia.brook@northmoor.example"),
            KeyValuePair.Create("Roles", "IRO"),
        }, formPage: "/admin/users/new");
        var link = WebUtility.HtmlDecode(PasswordLink().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.StartsWith("https://localhost/account/set-password?userId=", link);

        var nadia = app.NewClient();
        var path = new Uri(link).PathAndQuery;
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        var weak = await nadia.PostFormAsync("/account/set-password", new() { ["UserId"] = query["userId"]!, ["Token"] = query["token"]!, ["Password"] = "Password2026!", ["ConfirmPassword"] = "Password2026!" }, formPage: path);
        Assert.Contains("This password is too common", await weak.Content.ReadAsStringAsync());
        var set = await nadia.PostFormAsync("/account/set-password", new() { ["UserId"] = query["userId"]!, ["Token"] = query["token"]!, ["Password"] = "kettle orbit meadow stapler", ["ConfirmPassword"] = "kettle orbit meadow stapler" }, formPage: path);
        Assert.Contains("Your password is set", await set.Content.ReadAsStringAsync());

        var again = await nadia.PostFormAsync("/account/set-password", new() { ["UserId"] = query["userId"]!, ["Token"] = query["token"]!, ["Password"] = "another long passphrase", ["ConfirmPassword"] = "another long passphrase" }, formPage: path);
        Assert.Contains("This link has expired or has been used", await again.Content.ReadAsStringAsync());

        var signedIn = await app.SignedInClient("nadia.brook@northmoor.example", "kettle orbit meadow stapler");
        Assert.Contains("Welcome, Nadia Brook", await signedIn.GetStringAsync("/staff"));
        Assert.Contains("User created", WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit")));
    }

    [Fact]
    public async Task The_second_of_two_administrators_editing_one_user_is_told_and_overwrites_nothing()
    {
        await using var app = new PortalApp();
        var id = await SignInTests.UserId(app, "iro8@northmoor.example");
        var first = await app.SignedInClient("admin@northmoor.example");
        var second = await app.SignedInClient("admin@northmoor.example");
        var firstPage = await first.GetStringAsync($"/admin/users/{id}");
        var secondPage = await second.GetStringAsync($"/admin/users/{id}");

        Fields Form(string page, string name) => new()
        {
            ["DisplayName"] = name, ["Email"] = "iro8@northmoor.example", ["Roles"] = "IRO",
            ["ConcurrencyStamp"] = WebUtility.HtmlDecode(Stamp().Match(page).Groups[1].Value),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync($"/admin/users/{id}", firstPage, Form(firstPage, "Ruth Adeyemi-Cole"))).StatusCode);
        var conflict = await second.SubmitAsync($"/admin/users/{id}", secondPage, Form(secondPage, "Ruth A."));
        var body = WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync());
        Assert.Contains("Someone else changed this user while you were editing", body);
        Assert.Contains("value=\"Ruth Adeyemi-Cole\"", body); // their change is shown for the second person to redo theirs

        using var scope = app.Services.CreateScope();
        Assert.Equal("Ruth Adeyemi-Cole", (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(id.ToString()))!.DisplayName);
    }

    [Fact]
    public async Task The_only_administrator_cannot_be_demoted_or_disabled()
    {
        await using var app = new PortalApp();
        var admin = await app.SignedInClient("admin@northmoor.example");
        var id = await SignInTests.UserId(app, "admin@northmoor.example");
        var page = await admin.GetStringAsync($"/admin/users/{id}");
        var demote = await admin.SubmitAsync($"/admin/users/{id}", page, new()
        {
            ["DisplayName"] = "Priya Shah", ["Email"] = "admin@northmoor.example", ["Roles"] = "IRO manager",
            ["ConcurrencyStamp"] = WebUtility.HtmlDecode(Stamp().Match(page).Groups[1].Value),
        });
        Assert.Contains("This is the only active administrator", await demote.Content.ReadAsStringAsync());
        var disable = await admin.CraftedPostAsync($"/admin/users/{id}/disable", new(), fromPage: $"/admin/users/{id}"); // the page offers no such button
        Assert.Contains("You cannot disable your own account", await disable.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode); // still an administrator
    }

    [Fact]
    public async Task A_permission_granted_or_taken_from_a_role_applies_at_the_next_request()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await manager.GetAsync("/admin/audit")).StatusCode);

        var admin = await app.SignedInClient("admin@northmoor.example");
        var roles = await admin.GetStringAsync("/admin/roles");
        var fields = RoleForm(roles).Append(KeyValuePair.Create("grants", $"{RoleId(roles, "IRO manager")}|Users.ViewAuditTrail")).ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/roles", new FormUrlEncodedContent(fields))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/admin/audit")).StatusCode);

        roles = await admin.GetStringAsync("/admin/roles");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/roles", new FormUrlEncodedContent(RoleForm(roles).Where(f => f.Value != $"{RoleId(roles, "IRO manager")}|Users.ViewAuditTrail")))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await manager.GetAsync("/admin/audit")).StatusCode);
        Assert.Contains("Permissions changed", WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit")));
    }

    /// <summary>The roles page's form as a browser would send it: token, stamps and the boxes already ticked.</summary>
    private static IEnumerable<KeyValuePair<string, string>> RoleForm(string page) =>
        Regex.Matches(Regex.Match(page, "<form method=\"post\" action=\"/admin/roles\">.*?</form>", RegexOptions.Singleline).Value, "<input[^>]+>").Select(m => m.Value)
            .Where(input => input.Contains("type=\"hidden\"") || (input.Contains("checked=\"checked\"") && !input.Contains("disabled")))
            .Select(input => KeyValuePair.Create(
                Regex.Match(input, "name=\"([^\"]+)\"").Groups[1].Value,
                WebUtility.HtmlDecode(Regex.Match(input, "value=\"([^\"]*)\"").Groups[1].Value)));

    private static string RoleId(string page, string role) =>
        Regex.Matches(page, "name=\"stamps\" value=\"([0-9a-f-]+)\\|").Select(m => m.Groups[1].Value)
            .Single(id => page.Contains($"id=\"grant-{Guid.Parse(id):N}-Users-ViewAuditTrail\"") &&
                          Regex.IsMatch(page, $"for=\"grant-{Guid.Parse(id):N}-Users-ViewAuditTrail\"><span class=\"govuk-visually-hidden\">{Regex.Escape(role)}:"));

    [Fact]
    public async Task The_audit_trail_cannot_be_changed_or_deleted()
    {
        await using var app = new PortalApp();
        await app.SignedInClient("manager@northmoor.example");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var entry = await db.Set<AuditEvent>().FirstAsync();
        entry.Detail = "rewritten";
        Assert.Contains("cannot be changed or deleted", (await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync())).Message);
        db.ChangeTracker.Clear();
        db.Remove(await db.Set<AuditEvent>().FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    private sealed class Fields : Dictionary<string, string>;
}

public sealed class FirstAdministratorTests
{
    [Fact]
    public async Task A_new_portal_gets_its_first_administrator_from_the_command_line_and_they_set_their_own_password()
    {
        await using var app = new PortalApp(settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "false", ["Security:RequireTwoFactor"] = "true" });
        var command = app.Services.GetServices<IroPortal.Modularity.IPortalCommand>().Single(c => c.Name == "create-admin");
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await command.RunAsync(["--email", "head.of.service@northmoor.example", "--name", "Jo Bennett"], output, error, default));
        var path = output.ToString().Split('\n').Single(l => l.StartsWith("/account/set-password", StringComparison.Ordinal)).Trim();

        var browser = app.NewClient();
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("https://localhost" + path).Query);
        var set = await browser.PostFormAsync("/account/set-password", new() { ["UserId"] = query["userId"]!, ["Token"] = query["token"]!, ["Password"] = "quiet harbour lantern 42", ["ConfirmPassword"] = "quiet harbour lantern 42" }, formPage: path);
        Assert.Contains("Your password is set", await set.Content.ReadAsStringAsync());
        var signedIn = await app.SignedInClient("head.of.service@northmoor.example", "quiet harbour lantern 42");
        Assert.Equal("/account/two-factor/set-up", (await signedIn.GetAsync("/admin/users")).Headers.Location!.OriginalString); // two-factor first

        (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(2, await command.RunAsync(["--email", "head.of.service@northmoor.example", "--name", "Jo Bennett"], output, error, default));
        Assert.Contains("already exists", error.ToString());
        Assert.Equal(64, await command.RunAsync(["--email", "not-an-email"], output, error, default));
    }
}
