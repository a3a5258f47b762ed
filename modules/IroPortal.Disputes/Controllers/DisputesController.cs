using IroPortal.Disputes.Contracts;
using IroPortal.Disputes.Models;
using IroPortal.Disputes.Services;
using IroPortal.Disputes.ViewModels;
using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace IroPortal.Disputes.Controllers;

/// <summary>The dispute resolution record: an IRO's own escalations stage by stage, the manager's view of all of
/// them with themes and timeliness, and the council's stages.</summary>
[Area("Disputes")]
public sealed class DisputesController(DisputeService disputes, IPermissionChecker permissions) : Controller
{
    private const string ChangedMeanwhile = "This escalation changed since you opened it (in another tab, perhaps). Nothing of yours was saved: here it is as it is now.";

    [RequirePermission(DisputePermissions.ViewAll), HttpGet("/disputes", Name = DisputeRoutes.Disputes), AuditsChildData("Dispute records")]
    public async Task<IActionResult> Index(int? year)
    {
        var current = ReportingYear.Containing(disputes.Today);
        var chosen = year is { } y && y >= 2000 && y <= current ? y : current;
        var escalations = await disputes.ListAsync(yearStart: chosen);
        var stages = await disputes.StagesAsync();
        return View(new DashboardPage(chosen, current, escalations, DisputeStatistics.Of(escalations, stages, disputes.Today, disputes.WorkingDays), disputes.Today));
    }

    [RequirePermission(DisputePermissions.Record), HttpGet("/disputes/mine", Name = DisputeRoutes.Mine), AuditsChildData("Dispute records")]
    public async Task<IActionResult> Mine() => View(new MinePage(await disputes.ListAsync(iroId: User.UserId() ?? Guid.Empty), disputes.Today));

    [RequirePermission(DisputePermissions.Record), HttpGet("/disputes/new", Name = DisputeRoutes.New)]
    public async Task<IActionResult> New() => View(new NewPage(new NewForm { RaisedOn = DateParts.From(disputes.Today) }, await StageChoicesAsync(), null));

    [RequirePermission(DisputePermissions.Record), HttpPost("/disputes/new", Name = DisputeRoutes.New), AuditsChange("Dispute recorded")]
    public async Task<IActionResult> New([Bind(Prefix = "Form")] NewForm form)
    {
        var reference = (form.CaseReference ?? "").Trim();
        if (CaseReference.Problem(reference) is { } problem) ModelState.AddModelError("Form.CaseReference", problem);
        if (DisputeRules.Categories.All(c => c.Key != form.Category)) ModelState.AddModelError("Form.Category", "Choose what the concern is about");
        var summary = (form.Summary ?? "").Trim();
        if (summary.Length == 0) ModelState.AddModelError("Form.Summary", "Say what the concern is");
        else if (summary.Length > DisputeService.MaxSummary) ModelState.AddModelError("Form.Summary", $"The concern must be {DisputeService.MaxSummary:N0} characters or fewer");
        var names = CheckIdentifying("Form.Summary", "The concern", summary, form.NotNames);
        var stages = await disputes.StagesAsync();
        var raised = ValidateStage(stages, form.Stage, form.RaisedWith, form.RaisedOn, null);
        if (!ModelState.IsValid) return View(new NewPage(form, await StageChoicesAsync(), names));

        var escalation = await disputes.RecordAsync(User.UserId() ?? Guid.Empty, User.DisplayName(), reference, form.Category!, summary, raised!);
        TempData.Saved = DisputeRules.Current(escalation).ResponseDue is { } due
            ? $"Escalation recorded. The response is due by {UkTime.Format(due)}; you will be reminded."
            : "Escalation recorded.";
        return RedirectToRoute(DisputeRoutes.Escalation, new { id = escalation.Id });
    }

    [RequirePermission(DisputePermissions.Record, DisputePermissions.ViewAll), HttpGet("/disputes/{id:guid}", Name = DisputeRoutes.Escalation), AuditsChildData("Dispute record")]
    public async Task<IActionResult> Escalation(Guid id)
    {
        if (await disputes.FindAsync(id) is not { } escalation) return NotFound();
        return await EscalationPage(escalation, new ResponseForm(), new EscalateForm(), new CloseForm());
    }

    private async Task<IActionResult> EscalationPage(Escalation escalation, ResponseForm response, EscalateForm escalate, CloseForm close)
    {
        var isOwner = escalation.IroId == User.UserId();
        if (!isOwner && !await permissions.IsGrantedAsync(User, DisputePermissions.ViewAll)) return Forbid();
        var stages = await disputes.StagesAsync();
        var next = DisputeRules.NextStages(escalation, stages);
        if (escalate.RaisedOn.IsEmpty) escalate.RaisedOn = DateParts.From(disputes.Today);
        if (response.RespondedOn.IsEmpty) response.RespondedOn = DateParts.From(disputes.Today);
        if (close.ClosedOn.IsEmpty) close.ClosedOn = DateParts.From(disputes.Today);
        response.Revision = escalate.Revision = close.Revision = escalation.Revision;
        return View("Escalation", new EscalationPage(escalation, disputes.Today, isOwner, response, escalate, close,
            [new SelectListItem("Choose the stage", ""), .. next.Select(s => new SelectListItem(StageLabel(s), s.Id.ToString()))]));
    }

    [RequirePermission(DisputePermissions.Record), HttpPost("/disputes/{id:guid}/response", Name = DisputeRoutes.RecordResponse), AuditsChange("Dispute response recorded")]
    public async Task<IActionResult> RecordResponse(Guid id, [Bind(Prefix = "Response")] ResponseForm form)
    {
        if (await OwnEscalationAsync(id) is not { } escalation) return NotFound();
        if (escalation.ResolvedOn is not null || escalation.ClosedOn is not null) return Finished(id);
        var step = DisputeRules.Current(escalation);
        var on = form.RespondedOn.Validate(ModelState, "Response.RespondedOn", "the date of the response", notAfter: disputes.Today, notBefore: step.RaisedOn);
        if (form.Outcome is not ("resolved" or "not-resolved")) ModelState.AddModelError("Response.Outcome", "Say whether the response resolved the concern");
        var note = (form.Note ?? "").Trim();
        if (note.Length > DisputeService.MaxNote) ModelState.AddModelError("Response.Note", $"The note must be {DisputeService.MaxNote:N0} characters or fewer");
        CheckIdentifying("Response.Note", "The note", note, notNames: true);
        if (!ModelState.IsValid) return await EscalationPage(escalation, form, new EscalateForm(), new CloseForm());
        if (!await disputes.RespondAsync(escalation, form.Revision, on!.Value, form.Outcome == "resolved", note)) return Changed(id);
        TempData.Saved = form.Outcome == "resolved" ? "Response recorded: the concern is resolved." : "Response recorded. Take the next step when you are ready: a later stage, or Cafcass.";
        return RedirectToRoute(DisputeRoutes.Escalation, new { id });
    }

    [RequirePermission(DisputePermissions.Record), HttpPost("/disputes/{id:guid}/escalate", Name = DisputeRoutes.Escalate), AuditsChange("Dispute escalated")]
    public async Task<IActionResult> Escalate(Guid id, [Bind(Prefix = "Escalate")] EscalateForm form)
    {
        if (await OwnEscalationAsync(id) is not { } escalation) return NotFound();
        if (escalation.ResolvedOn is not null || escalation.ClosedOn is not null) return Finished(id);
        var next = DisputeRules.NextStages(escalation, await disputes.StagesAsync());
        var raised = ValidateStage(next, form.Stage, form.RaisedWith, form.RaisedOn, DisputeRules.Current(escalation).RaisedOn, "Escalate");
        if (!ModelState.IsValid) return await EscalationPage(escalation, new ResponseForm(), form, new CloseForm());
        if (!await disputes.EscalateAsync(escalation, form.Revision, raised!)) return Changed(id);
        TempData.Saved = $"Raised at \u201c{raised!.Stage.Name}\u201d" + (DisputeRules.Current(escalation).ResponseDue is { } due ? $"; the response is due by {UkTime.Format(due)}." : ".");
        return RedirectToRoute(DisputeRoutes.Escalation, new { id });
    }

    [RequirePermission(DisputePermissions.Record), HttpPost("/disputes/{id:guid}/close", Name = DisputeRoutes.Close), AuditsChange("Dispute closed")]
    public async Task<IActionResult> Close(Guid id, [Bind(Prefix = "Close")] CloseForm form)
    {
        if (await OwnEscalationAsync(id) is not { } escalation) return NotFound();
        if (escalation.ResolvedOn is not null || escalation.ClosedOn is not null) return Finished(id);
        var on = form.ClosedOn.Validate(ModelState, "Close.ClosedOn", "the date it was closed", notAfter: disputes.Today, notBefore: escalation.OpenedOn);
        var reason = (form.Reason ?? "").Trim();
        if (reason.Length == 0) ModelState.AddModelError("Close.Reason", "Say why it is closed without being resolved");
        else if (reason.Length > 1000) ModelState.AddModelError("Close.Reason", "The reason must be 1,000 characters or fewer");
        CheckIdentifying("Close.Reason", "The reason", reason, notNames: true);
        if (!ModelState.IsValid) return await EscalationPage(escalation, new ResponseForm(), new EscalateForm(), form);
        if (!await disputes.CloseAsync(escalation, form.Revision, on!.Value, reason)) return Changed(id);
        TempData.Saved = "Closed without being resolved. It stays in the record and in the year's figures.";
        return RedirectToRoute(DisputeRoutes.Escalation, new { id });
    }

    [RequirePermission(DisputePermissions.Configure), HttpGet("/disputes/stages", Name = DisputeRoutes.Stages)]
    public async Task<IActionResult> Stages() =>
        View(new StagesPage((await disputes.StagesAsync()).Select(s => new StageForm { Id = s.Id, Kind = s.Kind, Name = s.Name, Days = s.WorkingDays?.ToString() }).ToList()));

    [RequirePermission(DisputePermissions.Configure), HttpPost("/disputes/stages", Name = DisputeRoutes.Stages), AuditsChange("Dispute stages changed")]
    public async Task<IActionResult> Stages([Bind(Prefix = "Stages")] List<StageForm> stages, string? add)
    {
        var existing = await disputes.StagesAsync();
        stages = stages.Where(s => s.Id is null || existing.Any(e => e.Id == s.Id)).ToList();
        foreach (var stage in stages) stage.Kind = existing.FirstOrDefault(e => e.Id == stage.Id)?.Kind ?? StageKind.Formal;
        if (add is not null)
        {
            // Adding a row is not saving: show the form again with a blank formal stage before Cafcass.
            ModelState.Clear();
            stages.Insert(Math.Max(0, stages.FindIndex(s => s.Kind == StageKind.Cafcass)), new StageForm { Kind = StageKind.Formal, Days = "5" });
            return View(new StagesPage(stages));
        }
        var wanted = new List<(Guid?, StageKind, string, int?)>();
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            if (stage.Remove && stage.Kind == StageKind.Formal) continue;
            var name = (stage.Name ?? "").Trim();
            if (name.Length == 0) ModelState.AddModelError($"Stages[{i}].Name", $"Enter a name for stage {i + 1}");
            else if (name.Length > 100) ModelState.AddModelError($"Stages[{i}].Name", $"Stage {i + 1}'s name must be 100 characters or fewer");
            int? days = null;
            if (stage.Kind != StageKind.Cafcass)
            {
                if (!int.TryParse(stage.Days?.Trim(), out var d) || d is < 1 or > 60)
                    ModelState.AddModelError($"Stages[{i}].Days", $"The timescale for \u201c{(name.Length > 0 ? name : $"stage {i + 1}")}\u201d must be a whole number of working days from 1 to 60");
                else days = d;
            }
            wanted.Add((stage.Id, stage.Kind, name, days));
        }
        if (wanted.All(w => w.Item2 != StageKind.Formal)) ModelState.AddModelError("Stages[0].Name", "Keep at least one formal stage");
        if (wanted.Select(w => w.Item3.ToLowerInvariant()).Distinct().Count() != wanted.Count) ModelState.AddModelError("Stages[0].Name", "Give each stage a different name");
        if (!ModelState.IsValid) return View(new StagesPage(stages));
        await disputes.SaveStagesAsync(wanted);
        TempData.Saved = "Stages saved. Escalations already raised keep the stage names and due dates they were raised with.";
        return RedirectToRoute(DisputeRoutes.Stages);
    }

    private async Task<Escalation?> OwnEscalationAsync(Guid id) =>
        await disputes.FindAsync(id) is { } escalation && escalation.IroId == User.UserId() ? escalation : null;

    private IActionResult Changed(Guid id)
    {
        TempData.Problem = ChangedMeanwhile;
        return RedirectToRoute(DisputeRoutes.Escalation, new { id });
    }

    private IActionResult Finished(Guid id)
    {
        TempData.Problem = "This escalation is already resolved or closed. Nothing changed.";
        return RedirectToRoute(DisputeRoutes.Escalation, new { id });
    }

    private StageRaised? ValidateStage(IReadOnlyList<DisputeStage> allowed, Guid? stageId, string? with, DateParts raisedOn, DateOnly? notBefore, string prefix = "Form")
    {
        var stage = allowed.FirstOrDefault(s => s.Id == stageId);
        if (stage is null) ModelState.AddModelError($"{prefix}.Stage", "Choose the stage from the list");
        var raisedWith = (with ?? "").Trim();
        if (raisedWith.Length == 0) ModelState.AddModelError($"{prefix}.RaisedWith", "Say who it was raised with: their role, and their name if you wish");
        else if (raisedWith.Length > DisputeService.MaxWith) ModelState.AddModelError($"{prefix}.RaisedWith", $"Who it was raised with must be {DisputeService.MaxWith} characters or fewer");
        var on = raisedOn.Validate(ModelState, $"{prefix}.RaisedOn", "the date it was raised", notAfter: disputes.Today, notBefore: notBefore);
        return stage is null || on is null || raisedWith.Length is 0 or > DisputeService.MaxWith ? null : new StageRaised(stage, raisedWith, on.Value);
    }

    /// <summary>Nothing in the record may identify a child: contact details, dates of birth and identifiers always
    /// refused; words that may be names refused until the IRO says they are not.</summary>
    private IReadOnlyList<string>? CheckIdentifying(string field, string what, string text, bool notNames)
    {
        var findings = IdentifyingText.Find(text);
        foreach (var certain in findings.Where(f => !f.IsPossibleName))
            ModelState.AddModelError(field, $"{what}: \u201c{certain.Text}\u201d looks like {certain.Kind}. Take it out: use the case reference field to say which child");
        var names = findings.Where(f => f.IsPossibleName).Select(f => f.Text).Distinct().ToList();
        if (names.Count > 0 && !notNames)
            ModelState.AddModelError(field, $"{what}: {string.Join(", ", names.Select(n => $"\u201c{n}\u201d"))} may be a name. Take out any child's or family member's name, or tick the box to say these are not names");
        return names.Count > 0 ? names : null;
    }

    private async Task<IReadOnlyList<SelectListItem>> StageChoicesAsync()
    {
        // A new escalation may start at any stage: stages may be skipped.
        var stages = await disputes.StagesAsync();
        return [new SelectListItem("Choose the stage", ""), .. stages.Select(s => new SelectListItem(StageLabel(s), s.Id.ToString()))];
    }

    public static string StageLabel(DisputeStage stage) => stage.WorkingDays is { } d ? $"{stage.Name} ({DisputeRules.Days(d)} to respond)" : stage.Name;
}
