using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Contracts;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.QualityAssurance.ViewModels;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.QualityAssurance.Controllers;

/// <summary>Observations of IRO practice: the manager records one, shares it, the IRO reflects and
/// acknowledges, the manager signs it off.</summary>
[Area("QualityAssurance")]
public sealed class ObservationsController(ObservationService observations, IStaffDirectory staff, QaAccess access, TimeProvider clock) : Controller
{
    private const string SavedMeanwhile = "Someone else saved this observation while you were editing it. Open it again to see their changes; your text is below so you can copy it.";

    private DateOnly Today => UkTime.Today(clock);

    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/records", Name = QaRoutes.ObservationsRecords), AuditsChildData("Quality-assurance records")]
    public async Task<IActionResult> Records()
    {
        var iros = (await staff.InRoleAsync(PortalRoles.Iro)).ToDictionary(i => i.Id, i => i.DisplayName);
        var (latest, audits) = await observations.LatestRecordsAsync();
        return View(new RecordsPage(latest, audits, iros));
    }

    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/observations/new", Name = QaRoutes.ObservationsCreate)]
    public async Task<IActionResult> Create(Guid? iro)
    {
        var form = new ObservationForm { IroId = iro, Iros = await Iros() };
        form.PadActions();
        return View(form);
    }

    [RequirePermission(QaPermissions.Manage), HttpPost("/qa/observations/new", Name = QaRoutes.ObservationsCreate), AuditsChange("Observation recorded")]
    public async Task<IActionResult> Create(ObservationForm form)
    {
        form.Iros = await Iros();
        var observedOn = form.Validate(ModelState, Today);
        if (!ModelState.IsValid) return FormAgain(form);
        var observation = await observations.RecordAsync(form.Written(observedOn!.Value, Today), User.UserId()!.Value, User.DisplayName());
        return RedirectToAction(nameof(Details), new { id = observation.Id });
    }

    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/observations/{id:guid}/edit", Name = QaRoutes.ObservationsEdit), AuditsChildData("Observation of practice")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var observation = await observations.FindAsync(id);
        if (observation is null) return NotFound();
        if (!observation.CanBeEdited) return RedirectToAction(nameof(Details), new { id });
        var actions = await observations.ActionsFromAsync(id);
        var form = new ObservationForm
        {
            IroId = observation.IroId, ObservedOn = DateParts.From(observation.ObservedOn), CaseReference = observation.CaseReference,
            ReviewDescription = observation.ReviewDescription, OverallGrade = observation.OverallGrade, Strengths = observation.Strengths,
            AreasForDevelopment = observation.AreasForDevelopment, Iros = await Iros(),
            Standards = observation.Grades.OrderBy(g => g.Standard).Select(g => new StandardGradeInput { Standard = g.Standard, Grade = g.Grade, Evidence = g.Evidence }).ToList(),
            Actions = actions.Select(a => new ActionInput { Description = a.Description, DueOn = DateParts.From(a.DueOn) }).ToList(),
        };
        form.PadActions();
        ViewData["Version"] = observation.Version;
        return View(form);
    }

    [RequirePermission(QaPermissions.Manage), HttpPost("/qa/observations/{id:guid}/edit", Name = QaRoutes.ObservationsEdit), AuditsChange("Observation changed")]
    public async Task<IActionResult> Edit(Guid id, ObservationForm form, Guid version)
    {
        var current = await observations.FindAsync(id);
        if (current is null) return NotFound();
        if (!current.CanBeEdited) return RedirectToAction(nameof(Details), new { id });
        form.Iros = await Iros();
        ViewData["Version"] = version;
        if (current.Version != version)
        {
            ModelState.AddModelError("", SavedMeanwhile);
            return FormAgain(form);
        }
        var observedOn = form.Validate(ModelState, Today);
        if (!ModelState.IsValid) return FormAgain(form);
        switch (await observations.ChangeAsync(id, version, form.Written(observedOn!.Value, Today)))
        {
            case SaveOutcome.NotFound: return NotFound();
            case SaveOutcome.Conflict:
                ModelState.AddModelError("", SavedMeanwhile);
                return FormAgain(form);
            default: return RedirectToAction(nameof(Details), new { id });
        }
    }

    [RequirePermission(QaPermissions.Manage, QaPermissions.ViewOwn), HttpGet("/qa/observations/{id:guid}", Name = QaRoutes.ObservationsDetails), AuditsChildData("Observation of practice")]
    public async Task<IActionResult> Details(Guid id)
    {
        var observation = await observations.FindAsync(id);
        if (observation is null || !await access.CanSeeAsync(User, observation.IroId)) return NotFound();
        var manager = await access.IsManagerAsync(User);
        if (!manager && observation.Status == RecordStatus.Draft) return NotFound();
        var iro = await staff.FindAsync(observation.IroId);
        return View(new ObservationPage(observation, iro?.DisplayName ?? "Former IRO", await observations.ActionsFromAsync(id), manager, observation.IroId == User.UserId()));
    }

    [RequirePermission(QaPermissions.Manage), HttpPost("/qa/observations/{id:guid}/share", Name = QaRoutes.ObservationsShare), AuditsChange("Observation shared with the IRO")]
    public async Task<IActionResult> Share(Guid id) =>
        await observations.ShareAsync(id) == SaveOutcome.NotFound ? NotFound() : RedirectToAction(nameof(Details), new { id });

    /// <summary>The IRO's own reflection on the observation, which acknowledges it.</summary>
    [RequirePermission(QaPermissions.ViewOwn), HttpPost("/qa/observations/{id:guid}/reflection", Name = QaRoutes.ObservationsReflect), AuditsChange("IRO reflection on an observation")]
    public async Task<IActionResult> Reflect(Guid id, ReflectionForm form)
    {
        var observation = await observations.FindAsync(id);
        if (observation is null || observation.IroId != User.UserId() || observation.Status == RecordStatus.Draft) return NotFound();
        if (observation.Status != RecordStatus.WithIro) return RedirectToAction(nameof(Details), new { id });
        if (string.IsNullOrWhiteSpace(form.Reflection))
            ModelState.AddModelError(nameof(ReflectionForm.Reflection), "Write your reflection on the observation before you acknowledge it");
        else if (form.Reflection.Length > 4000)
            ModelState.AddModelError(nameof(ReflectionForm.Reflection), "Your reflection must be 4,000 characters or fewer");
        if (ModelState.IsValid && await observations.ReflectAsync(id, form.Version, form.Reflection!) != SaveOutcome.Conflict)
            return RedirectToAction(nameof(Details), new { id });
        if (ModelState.IsValid || observation.Version != form.Version)
            ModelState.AddModelError(nameof(ReflectionForm.Reflection), "Your manager changed the observation while you were writing. Read it again; your reflection is kept below");
        var iro = await staff.FindAsync(observation.IroId);
        return View("Details", new ObservationPage(observation, iro?.DisplayName ?? "", await observations.ActionsFromAsync(id), false, true) { Reflection = form.Reflection });
    }

    [RequirePermission(QaPermissions.Manage), HttpPost("/qa/observations/{id:guid}/sign-off", Name = QaRoutes.ObservationsSignOff), AuditsChange("Observation signed off")]
    public async Task<IActionResult> SignOff(Guid id) =>
        await observations.SignOffAsync(id) == SaveOutcome.NotFound ? NotFound() : RedirectToAction(nameof(Details), new { id });

    private ViewResult FormAgain(ObservationForm form)
    {
        form.PadActions();
        return View(form);
    }

    private async Task<IReadOnlyList<StaffMember>> Iros() => await staff.InRoleAsync(PortalRoles.Iro);
}
