using System.Net;
using System.Text.RegularExpressions;
using IroPortal.Data;
using IroPortal.Publishing.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Publishing.Tests;

/// <summary>The children's summary in another language: checked by the guard in any script's digits, read by a person
/// who reads the language, published right to left with English marked where a piece is missing.</summary>
public sealed partial class SummaryTranslationTests
{
    private const string Arabic = "خلال هذا العام، عقدنا اجتماعات كثيرة مع الأطفال.";
    private const string ArabicHeading = "ماذا فعل مسؤولو المراجعة هذا العام";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_translation_is_guarded_read_by_a_person_and_published_right_to_left_with_english_beside_what_is_missing(DatabaseProvider provider)
    {
        await using var app = new PortalApp(provider);
        const int year = 2036;
        var manager = await app.SignedInClient(Reports.Manager);
        var english = $"/publishing/{year}/for-children";
        await manager.PostFormAsync(english, new()
        {
            ["WhatIsAnIro"] = "Your IRO runs your reviews.", ["WhatWeDid"] = "We held your reviews on time.", ["WhatYouToldUs"] = "You said reviews are long.",
            ["WhatWeWillDo"] = "We will make them short.", ["HowToTellUs"] = "Press the button.", ["FeedbackLink"] = "/tell-us",
        });

        var add = english + "/languages/new";
        var refused = await manager.PostFormAsync(add, new() { ["Form.Language"] = "English", ["Form.Name"] = "", ["Form.EnglishName"] = "Arabic" });
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Enter the language's code as web pages use it", refusedPage);
        Assert.Contains("Enter the language's name as its readers write it", refusedPage);
        Assert.Equal(0, await app.InDatabase(db => db.Set<ChildrenSummaryTranslation>().CountAsync()));

        await manager.PostFormAsync(add, new() { ["Form.Language"] = "ar", ["Form.Name"] = "العربية", ["Form.EnglishName"] = "Arabic" });
        var here = english + "/languages/ar";
        // A phone number in Arabic-Indic digits, and a child's name in the Latin alphabet inside the Arabic.
        var save = await Save(manager, here, new()
        {
            ["heading"] = ArabicHeading, ["what-we-did"] = Arabic,
            ["what-you-told-us"] = "اتصل بي على ٠٧٧٠٠ ٩٠٠١٢٣ قال Tyreese",
        });
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var editor = WebUtility.HtmlDecode(await manager.GetStringAsync(here));
        Assert.Contains("٠٧٧٠٠ ٩٠٠١٢٣", editor);
        Assert.Contains("a phone number", editor);
        Assert.Contains("Tyreese", Regex.Match(editor, "What the privacy guard found.*?</table>", RegexOptions.Singleline).Value);

        // Not publishable: the English is not published, nobody has read it, and the guard has findings.
        await manager.PostFormAsync(here + "/publish", new(), here);
        Assert.Null(await PublishedAsync(app, year));
        await manager.PostFormAsync(english + "/publish", new(), english);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync($"/reports/{year}/for-children/ar")).StatusCode);

        await Save(manager, here, new() { ["heading"] = ArabicHeading, ["what-we-did"] = Arabic });
        var revision = await app.InDatabase(db => db.Set<ChildrenSummaryTranslation>().Select(t => t.Revision).SingleAsync());
        var unconfirmed = await manager.PostFormAsync(here + "/confirm", new() { ["Confirm.Revision"] = revision.ToString(), ["Confirm.ReadBy"] = "" }, here);
        var unconfirmedPage = WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync());
        Assert.Contains("Enter who read the translation against the English", unconfirmedPage);
        Assert.Contains("Confirm that the reader found it says what the English says", unconfirmedPage);
        await manager.PostFormAsync(here + "/publish", new(), here);
        Assert.Null(await PublishedAsync(app, year));
        Assert.Contains("must confirm this version first", WebUtility.HtmlDecode(await manager.GetStringAsync(here)));

        // A reader confirms one revision; a change after it needs reading again, and a stale confirmation is refused.
        await Confirm(manager, here, revision);
        await Save(manager, here, new() { ["heading"] = ArabicHeading, ["what-we-did"] = Arabic, ["button"] = "أخبرنا برأيك" });
        Assert.Null(await app.InDatabase(db => db.Set<ChildrenSummaryTranslation>().Select(t => t.CheckedUtc).SingleAsync()));
        await Confirm(manager, here, revision);
        Assert.Null(await app.InDatabase(db => db.Set<ChildrenSummaryTranslation>().Select(t => t.CheckedUtc).SingleAsync()));
        await Confirm(manager, here, revision + 1);
        Assert.Equal("Samira Haddad, Language Line interpreter", await app.InDatabase(db => db.Set<ChildrenSummaryTranslation>().Select(t => t.ReadBy).SingleAsync()));

        await manager.PostFormAsync(here + "/publish", new(), here);
        Assert.NotNull(await PublishedAsync(app, year));
        var child = app.NewClient();
        var page = WebUtility.HtmlDecode(await child.GetStringAsync($"/reports/{year}/for-children/ar"));
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\"", page);
        Assert.Contains(ArabicHeading, page);
        Assert.Contains(Arabic, page);
        Assert.Contains("href=\"/tell-us?lang=ar\"", page);
        // What is not translated is there in English, marked as English.
        Assert.Matches("<div lang=\"en\" dir=\"ltr\">.*You said reviews are long.", page);
        Assert.Matches("<h2[^>]*lang=\"en\" dir=\"ltr\">What you told us</h2>", page);
        Assert.Contains("hreflang=\"ar\"", WebUtility.HtmlDecode(await child.GetStringAsync($"/reports/{year}/for-children")));

        await manager.PostFormAsync(here + "/withdraw", new(), here);
        Assert.Equal(HttpStatusCode.NotFound, (await child.GetAsync($"/reports/{year}/for-children/ar")).StatusCode);
        Assert.DoesNotContain("hreflang=\"ar\"", await child.GetStringAsync($"/reports/{year}/for-children"));
    }

    [Fact]
    public async Task Only_those_who_publish_can_translate_and_nobody_else_sees_an_unpublished_translation()
    {
        await using var app = new PortalApp();
        const int year = 2037;
        var manager = await app.SignedInClient(Reports.Manager);
        await manager.PostFormAsync($"/publishing/{year}/for-children/languages/new", new() { ["Form.Language"] = "fa", ["Form.Name"] = "فارسی", ["Form.EnglishName"] = "Farsi" },
            $"/publishing/{year}/for-children/languages/new");
        var here = $"/publishing/{year}/for-children/languages/fa";
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(here)).StatusCode);

        foreach (var who in new[] { "iro1@northmoor.example", "board1@northmoor.example", "senior@northmoor.example", "clerk@northmoor.example", "admin@northmoor.example" })
        {
            var client = await app.SignedInClient(who);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(here)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/publishing/{year}/for-children/languages/new")).StatusCode);
        }
        var anonymous = app.NewClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(here)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/reports/{year}/for-children/fa")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/reports/{year}/for-children/not a language")).StatusCode);
    }

    private static async Task<HttpResponseMessage> Save(HttpClient manager, string here, Dictionary<string, string> texts)
    {
        var page = await manager.GetStringAsync(here);
        var fields = new Dictionary<string, string>
        {
            ["Form.Revision"] = RevisionField().Match(page).Groups[1].Value, ["Form.Name"] = "العربية", ["Form.EnglishName"] = "Arabic",
        };
        foreach (var (key, text) in texts) fields[$"Form.Texts[{key}]"] = text;
        return await manager.PostFormAsync(here, fields, here);
    }

    private static Task<HttpResponseMessage> Confirm(HttpClient manager, string here, int revision) =>
        manager.PostFormAsync(here + "/confirm", new()
        {
            ["Confirm.Revision"] = revision.ToString(), ["Confirm.ReadBy"] = "Samira Haddad, Language Line interpreter", ["Confirm.NamesNoChild"] = "true",
        }, here);

    private static Task<DateTime?> PublishedAsync(PortalApp app, int year) =>
        app.InDatabase(db => db.Set<ChildrenSummaryTranslation>().Where(t => t.YearStart == year && t.PublishedSections != null).Select(t => t.PublishedUtc).SingleOrDefaultAsync());

    [GeneratedRegex("name=\"Form.Revision\" value=\"(\\d+)\"")]
    private static partial Regex RevisionField();
}
