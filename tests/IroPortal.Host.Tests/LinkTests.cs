using System.Net;
using System.Text.RegularExpressions;
using IroPortal.Testing;

namespace IroPortal.Host.Tests;

/// <summary>Links, forms and redirects are made from route names. A name that no route carries makes an empty
/// address, so every role's pages are walked: every link and form must have an address, and every link must lead to
/// a page that answers.</summary>
public sealed partial class LinkTests
{
    /// <summary>A link to a file (PDF printing starts Chromium), the job dashboard (its own app) or signing out is not
    /// followed; its address is still checked.</summary>
    [GeneratedRegex(@"\.(pdf|docx|xlsx|csv)(\?|$)|^/admin/jobs/hangfire")]
    private static partial Regex NotFollowed();

    [GeneratedRegex(@"<a\b(?<attrs>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"<form\b(?<attrs>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    [GeneratedRegex(@"\b(?<name>href|action)=""(?<value>[^""]*)""")]
    private static partial Regex Address();

    /// <summary>A page's shape: ids and numbers taken out, so that a list of 200 observations is visited twice,
    /// not 200 times.</summary>
    private static string Shape(string path) =>
        Regex.Replace(path.Split('?', '#')[0], @"[0-9a-f]{8}-[0-9a-f-]{27}|\b\d+\b", "{}");

    [Theory]
    [InlineData(null, "/")]
    [InlineData(null, "/reports")]
    [InlineData("manager@northmoor.example", "/staff")]
    [InlineData("admin@northmoor.example", "/staff")]
    [InlineData("iro1@northmoor.example", "/staff")]
    [InlineData("board1@northmoor.example", "/staff")]
    [InlineData("senior@northmoor.example", "/staff")]
    [InlineData("clerk@northmoor.example", "/staff")]
    public async Task Every_link_and_form_on_every_page_a_role_reaches_has_an_address_and_every_link_answers(string? email, string start)
    {
        await using var app = new PortalApp();
        var client = email is null ? app.NewClient() : await app.SignedInClient(email);
        var queue = new Queue<(string Path, string From)>([(start, "(start)")]);
        var seen = new HashSet<string> { start };
        var shapes = new Dictionary<string, int>();
        var problems = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < 250)
        {
            var (path, from) = queue.Dequeue();
            var shape = Shape(path);
            if ((shapes[shape] = shapes.GetValueOrDefault(shape) + 1) > 2) continue;
            visited++;
            var response = await client.GetAsync(path);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            {
                var location = response.Headers.Location?.OriginalString ?? "";
                if (location.StartsWith("/account/sign-in", StringComparison.Ordinal)) problems.Add($"{path} (linked from {from}) sends a signed-in user to sign in");
                else if (location.StartsWith('/') && seen.Add(location)) queue.Enqueue((location, path));
                continue;
            }
            if ((int)response.StatusCode >= 400)
            {
                problems.Add($"{path} (linked from {from}) answers {(int)response.StatusCode}");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await response.Content.ReadAsStringAsync();
            foreach (var element in Anchor().Matches(html).Concat(Form().Matches(html)))
            {
                var attrs = element.Groups["attrs"].Value;
                var isForm = element.Value.StartsWith("<form", StringComparison.OrdinalIgnoreCase);
                var address = Address().Matches(attrs).FirstOrDefault(m => m.Groups["name"].Value == (isForm ? "action" : "href"));
                if (address is null)
                {
                    // A form without an action posts to its own page, as GOV.UK's do; a link must say where it goes.
                    if (!isForm && !attrs.Contains("role=\"button\"")) problems.Add($"{path}: a link without an address: {element.Value}");
                    continue;
                }
                var value = WebUtility.HtmlDecode(address.Groups["value"].Value);
                if (value.Length == 0) { problems.Add($"{path}: an empty address: {element.Value}"); continue; }
                if (isForm || !value.StartsWith('/') || value.StartsWith("//", StringComparison.Ordinal) || NotFollowed().IsMatch(value)) continue;
                if (seen.Add(value.Split('#')[0])) queue.Enqueue((value.Split('#')[0], path));
            }
        }
        Assert.True(visited > 3, $"Only {visited} pages were reached from {start}");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }
}
