using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Contracts;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Safeguarding;
using IroPortal.QualityAssurance.Services;
using IroPortal.QualityAssurance.ViewModels;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.QualityAssurance.Controllers;

/// <summary>Urgent messages: feedback whose words suggest a child may be at risk, or that asks for contact. Its own
/// permission, and every reading of a message is audited.</summary>
[Area("QualityAssurance")]
public sealed class UrgentController(SafeguardingService safeguarding, IStaffDirectory staff, IPermissionChecker permissions, TimeProvider clock) : Controller
{
    [RequirePermission(QaPermissions.Urgent), HttpGet("/qa/urgent", Name = QaRoutes.Urgent), AuditsChildData("Urgent messages list")]
    public async Task<IActionResult> Index()
    {
        var settings = await safeguarding.SettingsAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = (await safeguarding.LatestAsync()).Select(l => (c: l.Concern, l.From)).Select(l => new UrgentRow(l.c, l.From, safeguarding.NextDeadline(l.c, settings, now),
            safeguarding.Escalations(l.c, settings, now).Count)).OrderByDescending(r => r.Concern.IsOpen).ThenByDescending(r => r.Concern.RaisedUtc).ToList();
        return View(new UrgentListPage(rows, await Names(settings), settings, await permissions.IsGrantedAsync(User, QaPermissions.Manage)));
    }

    [RequirePermission(QaPermissions.Urgent), HttpGet("/qa/urgent/{id:guid}", Name = QaRoutes.UrgentDetails), AuditsChildData("Urgent message")]
    public async Task<IActionResult> Details(Guid id) => await Show(id, new UrgentActionForm()) ?? NotFound();

    [RequirePermission(QaPermissions.Urgent), HttpPost("/qa/urgent/{id:guid}/acknowledge", Name = QaRoutes.UrgentAcknowledge), AuditsChange("Urgent message acknowledged")]
    public async Task<IActionResult> Acknowledge(Guid id, Guid version)
    {
        return await safeguarding.AcknowledgeAsync(id, version, User.DisplayName()) switch
        {
            SaveOutcome.NotFound => NotFound(),
            SaveOutcome.Conflict => Conflict(id),
            _ => RedirectToRoute(QaRoutes.UrgentDetails, new { id }),
        };
    }

    [RequirePermission(QaPermissions.Urgent), HttpPost("/qa/urgent/{id:guid}/action", Name = QaRoutes.UrgentRecordAction), AuditsChange("Urgent message action recorded")]
    public async Task<IActionResult> RecordAction(Guid id, UrgentActionForm form)
    {
        if (await safeguarding.FindAsync(id) is not { Concern: var concern }) return NotFound();
        var action = form.ActionTaken?.Trim();
        if (string.IsNullOrEmpty(action))
            ModelState.AddModelError(UrgentActionForm.Field, "Enter what was done: who was told, and what happens next");
        else if (action.Length > UrgentActionForm.MaxLength)
            ModelState.AddModelError(UrgentActionForm.Field, $"What was done must be {UrgentActionForm.MaxLength} characters or fewer; it is {action.Length}");
        if (ModelState.IsValid && !concern.IsOpen)
            ModelState.AddModelError(UrgentActionForm.Field, $"{concern.ActionRecordedByName} has already recorded what was done. Read it below.");
        if (ModelState.IsValid && concern.Version != form.Version)
            ModelState.AddModelError(UrgentActionForm.Field, "Someone else changed this message while you were writing. Check it below, then send what was done again.");
        if (!ModelState.IsValid) return await Show(id, form, keepVersion: false) ?? NotFound();

        return await safeguarding.RecordActionAsync(id, form.Version, action!, User.DisplayName()) switch
        {
            SaveOutcome.NotFound => NotFound(),
            SaveOutcome.Saved => RedirectToRoute(QaRoutes.UrgentDetails, new { id }),
            _ => Conflict(id),
        };
    }

    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/urgent/settings", Name = QaRoutes.UrgentSettings)]
    public async Task<IActionResult> Settings()
    {
        var settings = await safeguarding.SettingsAsync();
        var chain = SafeguardingSettings.Ids(settings.EscalationIds);
        return View(new SafeguardingForm
        {
            DutyManagers = [.. SafeguardingSettings.Ids(settings.DutyManagerIds)],
            FirstEscalation = chain.ElementAtOrDefault(0) is { } first && first != Guid.Empty ? first : null,
            SecondEscalation = chain.ElementAtOrDefault(1) is { } second && second != Guid.Empty ? second : null,
            ThirdEscalation = chain.ElementAtOrDefault(2) is { } third && third != Guid.Empty ? third : null,
            Hours = settings.ResponseWorkingHours.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ExtraWords = settings.ExtraWords, Candidates = await safeguarding.CandidatesAsync(), Settings = settings,
        });
    }

    [RequirePermission(QaPermissions.Manage), HttpPost("/qa/urgent/settings", Name = QaRoutes.UrgentSettings), AuditsChange("Safeguarding settings changed")]
    public async Task<IActionResult> Settings(SafeguardingForm form)
    {
        form.Candidates = await safeguarding.CandidatesAsync();
        form.Settings = await safeguarding.SettingsAsync();
        var (dutyManagers, escalation, hours) = form.Validate(ModelState);
        if (!ModelState.IsValid) return View(form);
        await safeguarding.SaveSettingsAsync(dutyManagers, escalation, hours, form.ExtraWords ?? "", User.DisplayName());
        TempData.Saved = "Safeguarding settings saved.";
        return RedirectToRoute(QaRoutes.UrgentSettings);
    }

    private async Task<IActionResult?> Show(Guid id, UrgentActionForm form, bool keepVersion = true)
    {
        if (await safeguarding.FindAsync(id) is not var (concern, response)) return null;
        var settings = await safeguarding.SettingsAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        // A form sent back keeps what was written, but carries the message's current version, so sending again works.
        form.Version = concern.Version;
        if (!keepVersion) ModelState.Remove("Form." + nameof(UrgentActionForm.Version));
        var iro = response.NamesAnIro ? (await staff.FindAsync(response.IroId))?.DisplayName ?? "Former IRO" : QaText.NoIroNamed;
        return View("Details", new UrgentPage(concern, response, iro, safeguarding.Escalations(concern, settings, now), safeguarding.NextDeadline(concern, settings, now),
            await Names(settings), await safeguarding.DutyManagersAsync(settings), form));
    }

    private async Task<IReadOnlyDictionary<Guid, string>> Names(SafeguardingSettings settings) =>
        (await safeguarding.CandidatesAsync()).ToDictionary(p => p.Id, p => p.DisplayName);

    private RedirectToRouteResult Conflict(Guid id)
    {
        TempData.Saved = "Someone else changed this message at the same time. Check it below.";
        return RedirectToRoute(QaRoutes.UrgentDetails, new { id });
    }
}
