using System.Text;
using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Contracts;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.QualityAssurance.ViewModels;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.QualityAssurance.Controllers;

/// <summary>For the manager: the children's form's short address and QR codes to print for review rooms, and the
/// languages it is offered in.</summary>
[Area("QualityAssurance")]
public sealed class ChildrensFormController(ChildLanguages languages) : Controller
{
    public const int MaxUploadBytes = 1024 * 1024;

    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/feedback/children", Name = QaRoutes.ChildrensForm)]
    public async Task<IActionResult> Index()
    {
        var home = $"{Request.Scheme}://{Request.Host.Value}";
        var addresses = Enum.GetValues<ChildFormVersion>()
            .Select(v => new ChildFormAddress(v, home + (v == ChildFormVersion.Standard ? PublicFeedbackController.ShortAddress : ChildFormPage.Address(PublicFeedbackController.ShortAddress, v, null))))
            .ToList();
        return View(new ChildrensFormPage(addresses, await languages.AllAsync()));
    }

    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/feedback/children/translation.csv", Name = QaRoutes.ChildrensFormTemplate)]
    public async Task<IActionResult> Template(string? lang)
    {
        var language = lang is null ? null : await languages.FindAsync(lang);
        if (lang is not null && language is null) return NotFound();
        return File(ChildLanguages.Template(language), "text/csv", $"childrens-form-{language?.Code ?? "translation"}.csv");
    }

    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/feedback/children/languages/new", Name = QaRoutes.ChildrensFormAdd)]
    public IActionResult Add() => View("Language", new ChildLanguageForm { IsNew = true });

    [RequirePermission(QaPermissions.Manage), HttpPost("/qa/feedback/children/languages/new"), AuditsChange("Children's form language added")]
    [RequestSizeLimit(2 * MaxUploadBytes), RequestFormLimits(MultipartBodyLengthLimit = 2 * MaxUploadBytes)]
    public async Task<IActionResult> Add(ChildLanguageForm form, IFormFile? file)
    {
        form.IsNew = true;
        form.Code = form.Code?.Trim();
        if (!Languages.IsValidCode(form.Code))
            ModelState.AddModelError(nameof(ChildLanguageForm.Code), Languages.CodeProblem);
        else if (await languages.FindAsync(form.Code!) is not null)
            ModelState.AddModelError(nameof(ChildLanguageForm.Code), $"There is already a translation with the code {form.Code}. Change that one instead.");
        return await Save(form, file);
    }

    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/feedback/children/languages/{code}", Name = QaRoutes.ChildrensFormEdit)]
    public async Task<IActionResult> Edit(string code)
    {
        if (await languages.FindAsync(code) is not { } language) return NotFound();
        return View("Language", new ChildLanguageForm
        {
            Code = language.Code, Name = language.Name, EnglishName = language.EnglishName,
            Texts = language.Translations.ToDictionary(t => t.Key, string? (t) => t.Text), Updated = language,
        });
    }

    [RequirePermission(QaPermissions.Manage), HttpPost("/qa/feedback/children/languages/{code}"), AuditsChange("Children's form translation changed")]
    [RequestSizeLimit(2 * MaxUploadBytes), RequestFormLimits(MultipartBodyLengthLimit = 2 * MaxUploadBytes)]
    public async Task<IActionResult> Edit(string code, ChildLanguageForm form, IFormFile? file)
    {
        if (await languages.FindAsync(code) is not { } language) return NotFound();
        form.Code = language.Code;
        form.Updated = language;
        return await Save(form, file);
    }

    [RequirePermission(QaPermissions.Manage), HttpPost("/qa/feedback/children/languages/{code}/remove", Name = QaRoutes.ChildrensFormRemove), AuditsChange("Children's form language removed")]
    public async Task<IActionResult> Remove(string code)
    {
        if (!await languages.RemoveAsync(code)) return NotFound();
        TempData.Saved = $"The translation with the code {code} is removed. Children who choose it see the form in English.";
        return RedirectToRoute(QaRoutes.ChildrensForm);
    }

    private async Task<IActionResult> Save(ChildLanguageForm form, IFormFile? file)
    {
        var texts = form.Validate(ModelState);
        if (file is { Length: > 0 })
        {
            // An uploaded file replaces what is typed: it holds the whole translation.
            var (uploaded, problems) = await Read(file);
            foreach (var problem in problems) ModelState.AddModelError("file", problem);
            texts = uploaded;
        }
        if (!ModelState.IsValid) return View("Language", form);
        await languages.SaveAsync(form.Code!, form.Name!, form.EnglishName!, texts, User.DisplayName());
        TempData.Saved = $"The {form.EnglishName!.Trim()} translation is saved: {texts.Count} of {ChildWords.All.Count} pieces of wording translated.";
        return RedirectToRoute(QaRoutes.ChildrensForm);
    }

    private static async Task<(Dictionary<string, string> Texts, IReadOnlyList<string> Problems)> Read(IFormFile file)
    {
        var name = Path.GetFileName(file.FileName);
        if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            return ([], [$"{name} is not a CSV file. Download the template, fill in its translation column and save it as CSV (UTF-8)."]);
        if (file.Length > MaxUploadBytes) return ([], [$"{name} is larger than 1 MB: the template is much smaller. Check it is the right file."]);
        using var memory = new MemoryStream();
        await file.CopyToAsync(memory);
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(memory.ToArray()); }
        catch (DecoderFallbackException)
        {
            return ([], [$"{name} is not saved as UTF-8, so its letters cannot be read. In your spreadsheet, save it as \u201cCSV UTF-8\u201d and upload it again."]);
        }
        var (texts, problems) = ChildLanguages.Read(text);
        return (texts, [.. problems.Select(p => $"{name}, row {p.Row}, {p.Field}: {p.Message}")]);
    }
}
