using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.QualityAssurance.ViewModels;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.QualityAssurance.Controllers;

/// <summary>Observations of IRO practice: the manager records one, shares it, the IRO reflects and
/// acknowledges, the manager signs it off.</summary>
[Area("QualityAssurance")]
public sealed class ObservationsController(PortalDbContext db, IStaffDirectory staff, QaAccess access, TimeProvider clock) : Controller
{
    private DateOnly Today => UkTime.Today(clock);

    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/records"), AuditsChildData("Quality-assurance records")]
    public async Task<IActionResult> Records()
    {
        var iros = (await staff.InRoleAsync(PortalRoles.Iro)).ToDictionary(i => i.Id, i => i.DisplayName);
        var observations = await db.Set<Observation>().AsNoTracking().OrderByDescending(o => o.ObservedOn).Take(200).ToListAsync();
        var audits = await db.Set<CaseFileAudit>().AsNoTracking().OrderByDescending(a => a.AuditedOn).Take(200).ToListAsync();
        return View(new RecordsPage(observations, audits, iros));
    }

    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/observations/new")]
    public async Task<IActionResult> Create(Guid? iro)
    {
        var form = new ObservationForm { IroId = iro, Iros = await Iros() };
        form.PadActions();
        return View(form);
    }

    [RequirePermission(QaPermissions.Manage), HttpPost("/qa/observations/new"), AuditsChange("Observation recorded")]
    public async Task<IActionResult> Create(ObservationForm form)
    {
        form.Iros = await Iros();
        var observedOn = form.Validate(ModelState, Today);
        if (!ModelState.IsValid)
        {
            form.PadActions();
            return View(form);
        }
        var observation = new Observation
        {
            Id = Guid.CreateVersion7(), IroId = form.IroId!.Value, ObservedOn = observedOn!.Value, CreatedUtc = clock.GetUtcNow().UtcDateTime,
            ObserverId = User.UserId()!.Value, ObserverName = User.DisplayName(), Status = RecordStatus.Draft,
        };
        Apply(form, observation);
        db.Add(observation);
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Details), new { id = observation.Id });
    }

    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/observations/{id:guid}/edit"), AuditsChildData("Observation of practice")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var observation = await Load(id);
        if (observation is null) return NotFound();
        if (observation.Status is RecordStatus.Acknowledged or RecordStatus.SignedOff) return RedirectToAction(nameof(Details), new { id });
        var actions = await db.Set<QaAction>().AsNoTracking().Where(a => a.SourceId == id).OrderBy(a => a.DueOn).ToListAsync();
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

    [RequirePermission(QaPermissions.Manage), HttpPost("/qa/observations/{id:guid}/edit"), AuditsChange("Observation changed")]
    public async Task<IActionResult> Edit(Guid id, ObservationForm form, Guid version)
    {
        var observation = await Load(id, tracked: true);
        if (observation is null) return NotFound();
        if (observation.Status is RecordStatus.Acknowledged or RecordStatus.SignedOff) return RedirectToAction(nameof(Details), new { id });
        form.Iros = await Iros();
        ViewData["Version"] = version;
        if (observation.Version != version)
        {
            ModelState.AddModelError("", "Someone else saved this observation while you were editing it. Open it again to see their changes; your text is below so you can copy it.");
            form.PadActions();
            return View(form);
        }
        var observedOn = form.Validate(ModelState, Today);
        if (!ModelState.IsValid)
        {
            form.PadActions();
            return View(form);
        }
        observation.IroId = form.IroId!.Value;
        observation.ObservedOn = observedOn!.Value;
        db.RemoveRange(observation.Grades);
        observation.Grades.Clear();
        db.RemoveRange(await db.Set<QaAction>().Where(a => a.SourceId == id && a.CompletedOn == null).ToListAsync());
        Apply(form, observation);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else saved this observation while you were editing it. Open it again to see their changes; your text is below so you can copy it.");
            form.PadActions();
            return View(form);
        }
        return RedirectToAction(nameof(Details), new { id });
    }

    private void Apply(ObservationForm form, Observation observation)
    {
        observation.CaseReference = global::IroPortal.Modularity.CaseReference.Normalise(form.CaseReference!);
        observation.ReviewDescription = form.ReviewDescription?.Trim() ?? "";
        observation.OverallGrade = form.OverallGrade!.Value;
        observation.Strengths = form.Strengths!.Trim();
        observation.AreasForDevelopment = form.AreasForDevelopment!.Trim();
        observation.Version = Guid.NewGuid();
        if (form.Submit == "share" && observation.Status == RecordStatus.Draft) observation.Status = RecordStatus.WithIro;
        foreach (var grade in form.Standards)
            observation.Grades.Add(new ObservationGrade { Standard = grade.Standard, Grade = grade.Grade!.Value, Evidence = grade.Evidence?.Trim() ?? "" });
        foreach (var (description, dueOn) in form.ActionsGiven(Today))
            db.Add(new QaAction
            {
                Id = Guid.CreateVersion7(), IroId = observation.IroId, Source = ActionSource.Observation, SourceId = observation.Id,
                Description = description, DueOn = dueOn, CreatedUtc = clock.GetUtcNow().UtcDateTime, Version = Guid.NewGuid(),
            });
    }

    [RequirePermission(QaPermissions.Manage, QaPermissions.ViewOwn), HttpGet("/qa/observations/{id:guid}"), AuditsChildData("Observation of practice")]
    public async Task<IActionResult> Details(Guid id)
    {
        var observation = await Load(id);
        if (observation is null || !await access.CanSeeAsync(User, observation.IroId)) return NotFound();
        var manager = await access.IsManagerAsync(User);
        if (!manager && observation.Status == RecordStatus.Draft) return NotFound();
        var iro = await staff.FindAsync(observation.IroId);
        var actions = await db.Set<QaAction>().AsNoTracking().Where(a => a.SourceId == id).OrderBy(a => a.DueOn).ToListAsync();
        return View(new ObservationPage(observation, iro?.DisplayName ?? "Former IRO", actions, manager, observation.IroId == User.UserId()));
    }

    [RequirePermission(QaPermissions.Manage), HttpPost("/qa/observations/{id:guid}/share"), AuditsChange("Observation shared with the IRO")]
    public async Task<IActionResult> Share(Guid id)
    {
        var observation = await Load(id, tracked: true);
        if (observation is null) return NotFound();
        if (observation.Status == RecordStatus.Draft)
        {
            observation.Status = RecordStatus.WithIro;
            observation.Version = Guid.NewGuid();
            await db.SaveChangesAsync();
        }
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The IRO's own reflection on the observation, which acknowledges it.</summary>
    [RequirePermission(QaPermissions.ViewOwn), HttpPost("/qa/observations/{id:guid}/reflection"), AuditsChange("IRO reflection on an observation")]
    public async Task<IActionResult> Reflect(Guid id, ReflectionForm form)
    {
        var observation = await Load(id, tracked: true);
        if (observation is null || observation.IroId != User.UserId() || observation.Status == RecordStatus.Draft) return NotFound();
        if (observation.Status != RecordStatus.WithIro) return RedirectToAction(nameof(Details), new { id });
        if (string.IsNullOrWhiteSpace(form.Reflection))
            ModelState.AddModelError(nameof(ReflectionForm.Reflection), "Write your reflection on the observation before you acknowledge it");
        else if (form.Reflection.Length > 4000)
            ModelState.AddModelError(nameof(ReflectionForm.Reflection), "Your reflection must be 4,000 characters or fewer");
        if (observation.Version != form.Version)
            ModelState.AddModelError(nameof(ReflectionForm.Reflection), "Your manager changed the observation while you were writing. Read it again; your reflection is kept below");
        if (!ModelState.IsValid)
        {
            var actions = await db.Set<QaAction>().AsNoTracking().Where(a => a.SourceId == id).OrderBy(a => a.DueOn).ToListAsync();
            var iro = await staff.FindAsync(observation.IroId);
            return View("Details", new ObservationPage(observation, iro?.DisplayName ?? "", actions, false, true) { Reflection = form.Reflection });
        }
        observation.IroReflection = form.Reflection!.Trim();
        observation.Status = RecordStatus.Acknowledged;
        observation.AcknowledgedUtc = clock.GetUtcNow().UtcDateTime;
        observation.Version = Guid.NewGuid();
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Details), new { id });
    }

    [RequirePermission(QaPermissions.Manage), HttpPost("/qa/observations/{id:guid}/sign-off"), AuditsChange("Observation signed off")]
    public async Task<IActionResult> SignOff(Guid id)
    {
        var observation = await Load(id, tracked: true);
        if (observation is null) return NotFound();
        if (observation.Status == RecordStatus.Acknowledged)
        {
            observation.Status = RecordStatus.SignedOff;
            observation.SignedOffUtc = clock.GetUtcNow().UtcDateTime;
            observation.Version = Guid.NewGuid();
            await db.SaveChangesAsync();
        }
        return RedirectToAction(nameof(Details), new { id });
    }

    private Task<Observation?> Load(Guid id, bool tracked = false)
    {
        var query = db.Set<Observation>().Include(o => o.Grades).AsQueryable();
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(o => o.Id == id);
    }

    private async Task<IReadOnlyList<StaffMember>> Iros() => await staff.InRoleAsync(PortalRoles.Iro);
}

public sealed record RecordsPage(IReadOnlyList<Observation> Observations, IReadOnlyList<CaseFileAudit> Audits, IReadOnlyDictionary<Guid, string> Iros)
{
    public string IroName(Guid id) => Iros.GetValueOrDefault(id, "Former IRO");
}

public sealed record ObservationPage(Observation Observation, string IroName, IReadOnlyList<QaAction> Actions, bool IsManager, bool IsTheIro)
{
    public string? Reflection { get; init; }
}
