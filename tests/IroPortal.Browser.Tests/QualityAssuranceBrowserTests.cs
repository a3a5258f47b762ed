using Microsoft.Playwright;

namespace IroPortal.Browser.Tests;

public sealed class QualityAssuranceBrowserTests
{
    [Fact]
    public async Task A_child_opens_a_feedback_link_on_a_small_phone_answers_with_the_picture_scale_and_sends_it()
    {
        await using var session = await BrowserSession.StartAsync();
        var manager = await session.NewPageAsync();
        await BrowserSession.SignInAsync(manager, "manager@northmoor.example");

        // The compliance board, as the manager sees it.
        await manager.GotoAsync("/qa");
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "QA compliance board" })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(manager);

        await manager.GotoAsync("/qa/feedback/links/new");
        await manager.GetByText("Children: a child or young person").ClickAsync();
        await manager.GetByText("Daniel Okafor").ClickAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Make the link" }).ClickAsync();
        var link = await manager.GetByTestId("feedback-link").InnerTextAsync();

        // The child's own browser: no account, a 360px-wide phone.
        var context = await session.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 740 }, HasTouch = true, IsMobile = true });
        var phone = await context.NewPageAsync();
        await phone.GotoAsync(link);
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Tell us about your review" })).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByText("We do not ask your name")).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(phone);
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The form scrolls sideways on a 360px screen");

        await phone.GetByRole(AriaRole.Group, new() { Name = "Did your IRO listen to you?" }).GetByRole(AriaRole.Radio, new() { Name = "Really good" }).TapAsync();
        await phone.GetByRole(AriaRole.Group, new() { Name = "How was your review meeting?" }).GetByRole(AriaRole.Radio, new() { Name = "OK", Exact = true }).TapAsync();
        await phone.GetByLabel("Is there anything else you want to tell us?").FillAsync("My IRO came to my school to see me first.");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send" }).TapAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(phone);

        // The same link again: a friendly page, not an error.
        await phone.GotoAsync(link);
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "We already have your answers" })).ToBeVisibleAsync();
        await context.DisposeAsync();

        // The manager reads it.
        await manager.GotoAsync("/qa/feedback");
        await manager.GetByRole(AriaRole.Row).Filter(new() { HasText = "Daniel Okafor" }).Filter(new() { HasText = "Children" }).First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(manager.GetByText("My IRO came to my school to see me first.")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByText("Really good (5 of 5)")).ToBeVisibleAsync();
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task The_observation_form_and_an_iros_own_page_meet_wcag_2_2_aa()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await BrowserSession.SignInAsync(page, "manager@northmoor.example");
        await page.GotoAsync("/qa/observations/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and share with the IRO" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose the IRO");
        await BrowserSession.AssertAccessibleAsync(page);

        var iro = await session.NewContextAsync();
        var iroPage = await iro.NewPageAsync();
        await BrowserSession.SignInAsync(iroPage, "iro1@northmoor.example");
        await iroPage.GotoAsync("/qa/mine");
        await Assertions.Expect(iroPage.GetByRole(AriaRole.Heading, new() { Name = "My quality assurance" })).ToBeVisibleAsync();
        await BrowserSession.AssertAccessibleAsync(iroPage);
        await iro.DisposeAsync();
        session.AssertNoPageProblems();
    }
}
