using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IroPortal.Browser.Tests;

public sealed class ChildrensVoiceBrowserTests
{
    [Fact]
    public async Task A_child_on_a_phone_tells_us_about_their_review_in_every_version_and_without_javascript()
    {
        await using var session = await BrowserSession.StartAsync(viewportWidth: 320);
        var phone = await session.NewPageAsync();
        foreach (var version in new[] { "pictures", "children", "young-people" })
        {
            await phone.GotoAsync($"/tell-us?version={version}");
            await BrowserSession.AssertFitsAsync(phone, 320);
        }
        // A mistake is said in the child's words, and passes axe too.
        await phone.GotoAsync("/tell-us");
        await phone.GetByLabel("Who is your IRO?").SelectOptionAsync(new SelectOptionValue { Label = "I don't know" });
        await phone.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await phone.GetByLabel("How can we contact you?").FillAsync(new string('a', 501));
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".govuk-error-summary")).ToContainTextAsync("make it 500 letters or fewer");
        await BrowserSession.AssertFitsAsync(phone, 320);

        // Without JavaScript: no read-aloud buttons, and the form still sends.
        var noScript = await session.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 320, Height = 700 } });
        var plain = await noScript.NewPageAsync();
        await plain.GotoAsync("/tell-us?version=pictures");
        await Assertions.Expect(plain.GetByRole(AriaRole.Button, new() { Name = "Listen" })).ToHaveCountAsync(0);
        await plain.Locator("input[name='Ratings[child-listened]'][value='5']").CheckAsync(new() { Force = true });
        await plain.GetByLabel("Anything else?").FillAsync("My IRO was kind.");
        await plain.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(plain.Locator("h1")).ToHaveTextAsync("Thank you");
        await Assertions.Expect(plain.Locator("main")).ToContainTextAsync("0800 1111");
        var kept = await session.App.InDatabase(db => db.Set<FeedbackResponse>().Include(r => r.Answers).SingleAsync(r => r.Channel == FeedbackChannel.SelfStarted));
        Assert.Equal(ChildFormVersion.Pictures, kept.FormVersion);
        Assert.Contains(kept.Answers, a => a.QuestionKey == "child-listened" && a.Rating == 5);

        await phone.GotoAsync("/feedback/thank-you?child=true");
        await BrowserSession.AssertFitsAsync(phone, 320);
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task The_form_in_arabic_reads_right_to_left_and_the_managers_pages_pass_axe()
    {
        await using var session = await BrowserSession.StartAsync(viewportWidth: 320);
        await session.App.InScope<ChildLanguages, bool>(async languages =>
        {
            await languages.SaveAsync("ar", "العربية", "Arabic", new Dictionary<string, string> { ["title"] = "أخبرنا عن مراجعتك", ["send"] = "إرسال" }, "Test");
            return true;
        });
        var phone = await session.NewPageAsync();
        await phone.GotoAsync("/tell-us");
        await phone.GetByRole(AriaRole.Link, new() { Name = "العربية" }).ClickAsync();
        await Assertions.Expect(phone.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("أخبرنا عن مراجعتك");
        // Right to left: the heading starts at the right-hand edge.
        var box = await phone.Locator("h1").BoundingBoxAsync();
        var textRight = await phone.EvaluateAsync<double>("() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('h1')); return r.getBoundingClientRect().right; }");
        Assert.True(Math.Abs(box!.X + box.Width - textRight) < 2, $"The heading's text ends at {textRight}, its box at {box.X + box.Width}");
        await BrowserSession.AssertFitsAsync(phone, 320);
        await phone.GetByRole(AriaRole.Button, new() { Name = "إرسال" }).ClickAsync();
        await Assertions.Expect(phone.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await BrowserSession.AssertFitsAsync(phone, 320);

        var manager = await (await session.NewContextAsync()).NewPageAsync();
        await BrowserSession.SignInAsync(manager, "manager@northmoor.example");
        var child = await (await session.NewContextAsync()).NewPageAsync();
        await child.GotoAsync("/tell-us");
        await child.GetByLabel("Is there anything else you want to tell us?").FillAsync("I am scared to go home.");
        await child.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(child.Locator("main")).ToContainTextAsync("someone will read it today");
        foreach (var path in new[] { "/qa/urgent", "/qa/urgent/settings", "/qa/feedback/children", "/qa/feedback/children/languages/new", "/qa/feedback/children/languages/ar" })
        {
            await manager.GotoAsync(path);
            await BrowserSession.AssertAccessibleAsync(manager);
        }
        await manager.GotoAsync("/qa/urgent");
        await manager.Locator("tbody a").First.ClickAsync();
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("I am scared to go home.");
        await BrowserSession.AssertAccessibleAsync(manager);
        await manager.GetByRole(AriaRole.Button, new() { Name = "I have read it and am dealing with it" }).ClickAsync();
        await manager.GetByLabel("What was done").FillAsync("Rang the social worker, who visited the same afternoon.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Record what was done" }).ClickAsync();
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Rang the social worker");
        await BrowserSession.AssertAccessibleAsync(manager);
        session.AssertNoPageProblems();
    }
}

public sealed class SummaryTranslationBrowserTests
{
    [Fact]
    public async Task The_childrens_summary_in_arabic_reads_right_to_left_on_a_phone_and_its_pages_pass_axe()
    {
        await using var session = await BrowserSession.StartAsync(viewportWidth: 320);
        var year = await session.App.InDatabase(db => db.Set<IroPortal.Publishing.Models.Release>()
            .Where(r => r.Audience == IroPortal.Publishing.Models.Audience.Children).Select(r => r.YearStart).FirstAsync());
        var problem = await session.App.InScope<IroPortal.Publishing.Services.SummaryTranslations, string?>(async translations =>
        {
            var translation = new IroPortal.Publishing.Models.ChildrenSummaryTranslation { YearStart = year, Language = "ar" };
            await translations.SaveAsync(translation, 0, "العربية", "Arabic", new Dictionary<string, string>
            {
                ["heading"] = "ماذا فعل مسؤولو المراجعة هذا العام", ["what-we-did"] = "عقدنا اجتماعات كثيرة مع الأطفال.",
            }, "Test");
            await translations.ConfirmAsync(translation, translation.Revision, "A reader of Arabic", "Test");
            return await translations.PublishAsync(translation, "Test");
        });
        Assert.Null(problem);

        var phone = await session.NewPageAsync();
        await phone.GotoAsync($"/reports/{year}/for-children");
        await phone.GetByRole(AriaRole.Link, new() { Name = "العربية" }).ClickAsync();
        await Assertions.Expect(phone.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("ماذا فعل مسؤولو المراجعة هذا العام");
        await Assertions.Expect(phone.Locator("#what-is-an-iro-title")).ToHaveAttributeAsync("lang", "en");
        await BrowserSession.AssertFitsAsync(phone, 320);
        await BrowserSession.AssertAccessibleAsync(phone);

        var manager = await (await session.NewContextAsync()).NewPageAsync();
        await BrowserSession.SignInAsync(manager, "manager@northmoor.example");
        foreach (var path in new[] { $"/publishing/{year}/for-children", $"/publishing/{year}/for-children/languages/new", $"/publishing/{year}/for-children/languages/ar" })
        {
            await manager.GotoAsync(path);
            await BrowserSession.AssertAccessibleAsync(manager);
        }
        session.AssertNoPageProblems();
    }
}
