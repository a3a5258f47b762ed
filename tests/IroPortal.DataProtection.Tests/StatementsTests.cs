using System.Net;
using System.Text.RegularExpressions;
using IroPortal.Users.Contracts;
using IroPortal.Users.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.DataProtection.Tests;

public sealed class StatementsTests
{
    private static async Task<string> ChildLinkAsync(PortalApp app, HttpClient manager)
    {
        var iro = (await app.InScope<IStaffDirectory, IReadOnlyList<StaffMember>>(s => s.InRoleAsync(IroPortal.Modularity.Permissions.PortalRoles.Iro))).First();
        var made = await (await manager.PostFormAsync("/qa/feedback/links/new", new Dictionary<string, string> { ["RespondentType"] = "ChildFeedback", ["IroId"] = iro.Id.ToString() })).Content.ReadAsStringAsync();
        return new Uri(WebUtility.HtmlDecode(Regex.Match(made, "data-testid=\"feedback-link\">([^<]+)<").Groups[1].Value)).PathAndQuery;
    }

    [Fact]
    public async Task The_council_words_the_childrens_notice_and_a_child_reads_it_on_the_form_before_the_first_question()
    {
        await using var app = new PortalApp();
        var admin = await app.SignedInClient("admin@northmoor.example");
        var manager = await app.SignedInClient("manager@northmoor.example");
        var child = app.NewClient();

        // The default first, with how long the words are kept taken from the retention periods.
        var link = await ChildLinkAsync(app, manager);
        var form = WebUtility.HtmlDecode(await child.GetStringAsync(link));
        Assert.Contains("We keep your words for 2 years. Then we delete them.", form);
        Assert.True(form.IndexOf("We do not ask your name", StringComparison.Ordinal) < form.IndexOf("<input", form.IndexOf("<main", StringComparison.Ordinal), StringComparison.Ordinal),
            "The notice comes before the form's first input.");

        // The council's own words, with a heading, a list and placeholders; a script is text, never markup.
        var page = await admin.GetStringAsync("/admin/statements/privacy-children");
        var saved = await admin.Landed(admin.SubmitAsync("/admin/statements/privacy-children", page, new()
        {
            ["text"] = "## About this form\nWe keep it for {feedback-kept}.\n\n- Ask {email}\n- Or ring {phone}\n\n<script>alert(1)</script>",
        }));
        Assert.Contains("How we look after what you tell us: saved.", saved);
        var raw = await child.GetStringAsync(link);
        Assert.Contains("<h2 class=\"govuk-heading-m\">About this form</h2>", raw);
        Assert.Contains("We keep it for 2 years.", raw);
        Assert.Contains("<li>Ask iro.service@northmoor.example</li>", raw);
        Assert.DoesNotContain("<script>alert(1)</script>", raw);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", raw);
        Assert.DoesNotContain("We do not ask your name", raw);
        Assert.Contains("About this form", WebUtility.HtmlDecode(await app.NewClient().GetStringAsync("/privacy/children")));

        // Words that would identify a child are refused on a page anyone reads, with what to take out.
        page = await admin.GetStringAsync("/admin/statements/privacy-children");
        var refused = await admin.SubmitAsync("/admin/statements/privacy-children", page, new() { ["text"] = "Thank you to the child at NM-123456 for the idea." });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Anyone can read this page, so it must not identify a child. Take out a case reference (NM-123456)", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Contains("About this form", WebUtility.HtmlDecode(await child.GetStringAsync(link)));

        // Back to the default, and every change is in the audit trail.
        page = await admin.GetStringAsync("/admin/statements/privacy-children");
        await admin.Landed(admin.SubmitAsync("/admin/statements/privacy-children", page, new() { ["useDefault"] = "true" }));
        Assert.Contains("We do not ask your name", await child.GetStringAsync(link));
        Assert.Equal(2, await app.InDatabase(db => db.Set<AuditEvent>().CountAsync(e => e.EventType == "Notice or statement changed")));

        // Only an administrator words them.
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/admin/statements")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.CraftedPostAsync("/admin/statements/accessibility", new() { ["text"] = "Mine" }, "/staff")).StatusCode);
    }

    [Theory]
    [InlineData("/accessibility", "Accessibility statement", "Northmoor")]
    [InlineData("/privacy", "Privacy", "/privacy/children")]
    [InlineData("/privacy/feedback", "Privacy notice: feedback about a review", "public task (UK GDPR Article 6(1)(e))")]
    [InlineData("/privacy/children", "How we look after what you tell us", "We do not ask your name")]
    [InlineData("/cookies", "Cookies", "")]
    public async Task Anyone_reads_the_notices_and_statement_without_signing_in(string path, string title, string said)
    {
        await using var app = new PortalApp();
        var response = await app.NewClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"<h1 class=\"govuk-heading-l\">{title}", html.Replace("govuk-heading-xl", "govuk-heading-l"));
        Assert.Contains(said, html);
        Assert.DoesNotContain("{", Regex.Match(html, "<main.*</main>", RegexOptions.Singleline).Value.Replace("{ }", ""));
    }
}
