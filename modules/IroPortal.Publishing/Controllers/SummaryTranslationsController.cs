using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Publishing.Contracts;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;
using IroPortal.Publishing.ViewModels;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.Publishing.Controllers;

/// <summary>The children's summary in other languages: the manager types each piece beside its English, a reader of
/// the language confirms it, and the manager publishes it at /reports/{year}/for-children/{language}.</summary>
[Area("Publishing")]
[RequirePermission(PublishingPermissions.Publish)]
public sealed class SummaryTranslationsController(ChildrenSummaryService summaries, SummaryTranslations translations) : Controller
{
    private IActionResult Here(int year, string language, string? fragment = null) =>
        RedirectToRoute(PublishingRoutes.SummaryTranslationsEdit, new { year, language }, fragment);

    [HttpGet("/publishing/{year:int}/for-children/languages/new", Name = PublishingRoutes.SummaryTranslationsAdd)]
    public IActionResult Add(int year) => View("Add", new TranslationAddPage(year, new TranslationNamesForm()));

    [HttpPost("/publishing/{year:int}/for-children/languages/new", Name = PublishingRoutes.SummaryTranslationsAdd), AuditsChange("Children's summary translation added")]
    public async Task<IActionResult> Add(int year, [Bind(Prefix = "Form")] TranslationNamesForm form)
    {
        var code = form.Language?.Trim();
        if (!Languages.IsValidCode(code)) ModelState.AddModelError("Form.Language", Languages.CodeProblem);
        else if (await translations.FindAsync(year, code!) is not null)
            ModelState.AddModelError("Form.Language", $"The summary already has a translation with the code {code}. Change that one instead.");
        form.Validate(ModelState);
        if (!ModelState.IsValid) return View("Add", new TranslationAddPage(year, form));
        var translation = new ChildrenSummaryTranslation { YearStart = year, Language = code! };
        await translations.SaveAsync(translation, 0, form.Name!.Trim(), form.EnglishName!.Trim(), new Dictionary<string, string>(), User.DisplayName());
        TempData.Saved = $"Added {translation.EnglishName}. Type each piece beside its English, or paste what the translator sent.";
        return Here(year, translation.Language);
    }

    [HttpGet("/publishing/{year:int}/for-children/languages/{language}", Name = PublishingRoutes.SummaryTranslationsEdit)]
    public async Task<IActionResult> Edit(int year, string language)
    {
        if (await translations.FindAsync(year, language) is not { } translation) return NotFound();
        return await EditPage(translation, TranslationForm.From(translation), new TranslationConfirmForm());
    }

    [HttpPost("/publishing/{year:int}/for-children/languages/{language}", Name = PublishingRoutes.SummaryTranslationsSave), AuditsChange("Children's summary translation changed")]
    public async Task<IActionResult> Save(int year, string language, [Bind(Prefix = "Form")] TranslationForm form)
    {
        if (await translations.FindAsync(year, language) is not { } translation) return NotFound();
        var texts = form.Validate(ModelState);
        if (!ModelState.IsValid) return await EditPage(translation, form, new TranslationConfirmForm());
        if (!await translations.SaveAsync(translation, form.Revision, form.Name!.Trim(), form.EnglishName!.Trim(), texts, User.DisplayName()))
        {
            TempData.Problem = "Someone else changed this translation while you were working on it. Their version is below: make your changes again.";
            return Here(year, language);
        }
        TempData.Saved = $"Saved: {texts.Count} of {SummaryTranslations.Pieces.Count} pieces translated. The privacy guard below is for what you saved; a reader of the language must confirm it again.";
        return Here(year, language, "check");
    }

    [HttpPost("/publishing/{year:int}/for-children/languages/{language}/confirm", Name = PublishingRoutes.SummaryTranslationsConfirm), AuditsChange("Children's summary translation confirmed")]
    public async Task<IActionResult> Confirm(int year, string language, [Bind(Prefix = "Confirm")] TranslationConfirmForm form)
    {
        if (await translations.FindAsync(year, language) is not { } translation) return NotFound();
        form.Validate(ModelState, translation.EnglishName);
        if (!ModelState.IsValid) return await EditPage(translation, TranslationForm.From(translation), form);
        if (!await translations.ConfirmAsync(translation, form.Revision, form.ReadBy!.Trim(), User.DisplayName()))
            TempData.Problem = "The translation changed after the version that was read. Have the new version read, then confirm it.";
        else TempData.Saved = $"Confirmed: {translation.ReadBy} read this version against the English.";
        return Here(year, language, "publish");
    }

    [HttpPost("/publishing/{year:int}/for-children/languages/{language}/publish", Name = PublishingRoutes.SummaryTranslationsPublish), AuditsChange("Children's summary translation published")]
    public async Task<IActionResult> Publish(int year, string language)
    {
        if (await translations.FindAsync(year, language) is not { } translation) return NotFound();
        if (await translations.PublishAsync(translation, User.DisplayName()) is { } problem) TempData.Problem = problem;
        else TempData.Saved = $"Published at /reports/{year}/for-children/{language}. The English summary links to it.";
        return Here(year, language, "publish");
    }

    [HttpPost("/publishing/{year:int}/for-children/languages/{language}/withdraw", Name = PublishingRoutes.SummaryTranslationsWithdraw), AuditsChange("Children's summary translation withdrawn")]
    public async Task<IActionResult> Withdraw(int year, string language)
    {
        if (await translations.FindAsync(year, language) is not { } translation) return NotFound();
        await translations.WithdrawAsync(translation);
        TempData.Saved = $"Withdrawn: children no longer see the summary in {translation.EnglishName}. The words are kept here to correct.";
        return Here(year, language, "publish");
    }

    [HttpPost("/publishing/{year:int}/for-children/languages/{language}/remove", Name = PublishingRoutes.SummaryTranslationsRemove), AuditsChange("Children's summary translation removed")]
    public async Task<IActionResult> Remove(int year, string language)
    {
        if (await translations.FindAsync(year, language) is not { } translation) return NotFound();
        await translations.RemoveAsync(translation);
        TempData.Saved = $"The {translation.EnglishName} translation is removed{(translation.PublishedSections is null ? "" : ", and children no longer see it")}.";
        return RedirectToRoute(PublishingRoutes.ChildrenSummaryEdit, new { year }, "languages");
    }

    private async Task<IActionResult> EditPage(ChildrenSummaryTranslation translation, TranslationForm form, TranslationConfirmForm confirm)
    {
        var english = SummaryTranslations.English(await summaries.FindOrStartAsync(translation.YearStart));
        return View("Edit", new TranslationPage(translation, form, confirm, english, await translations.CheckAsync(translation)));
    }
}
