using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Contracts;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.QualityAssurance.ViewModels;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.QualityAssurance.Controllers;

/// <summary>Case-file audits against a versioned question set.</summary>
[Area("QualityAssurance")]
public sealed class AuditsController(AuditService audits, ObservationService observations, IStaffDirectory staff, QaAccess access, TimeProvider clock) : Controller
{
    private DateOnly Today => UkTime.Today(clock);

    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/audits/new", Name = QaRoutes.AuditsCreate)]
    public async Task<IActionResult> Create(Guid? iro)
    {
        var form = new AuditForm { IroId = iro, Iros = await staff.InRoleAsync(PortalRoles.Iro) };
        form.Align(await CurrentSet());
        form.PadActions();
        return View(form);
    }

    [RequirePermission(QaPermissions.Manage), HttpPost("/qa/audits/new", Name = QaRoutes.AuditsCreate), AuditsChange("Case-file audit recorded")]
    public async Task<IActionResult> Create(AuditForm form)
    {
        form.Iros = await staff.InRoleAsync(PortalRoles.Iro);
        var set = await CurrentSet();
        var auditedOn = form.Validate(ModelState, Today, set);
        form.Align(set);
        if (!ModelState.IsValid)
        {
            form.PadActions();
            return View(form);
        }
        var audit = await audits.RecordAsync(form.Written(auditedOn!.Value, Today), set.Id, User.UserId()!.Value, User.DisplayName());
        return RedirectToAction(nameof(Details), new { id = audit.Id });
    }

    [RequirePermission(QaPermissions.Manage, QaPermissions.ViewOwn), HttpGet("/qa/audits/{id:guid}", Name = QaRoutes.AuditsDetails), AuditsChildData("Case-file audit")]
    public async Task<IActionResult> Details(Guid id)
    {
        var read = await audits.FindAsync(id);
        if (read is null || !await access.CanSeeAsync(User, read.Audit.IroId)) return NotFound();
        var iro = await staff.FindAsync(read.Audit.IroId);
        return View(new AuditPage(read.Audit, read.QuestionSetNumber, read.Questions, iro?.DisplayName ?? "Former IRO", await observations.ActionsFromAsync(id), await access.IsManagerAsync(User)));
    }

    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/audit-questions", Name = QaRoutes.AuditsQuestions)]
    public async Task<IActionResult> Questions()
    {
        var set = await CurrentSet();
        return View(new QuestionsPage(set, new QuestionSetForm { Questions = string.Join('\n', set.Questions.OrderBy(q => q.Position).Select(q => q.Text)) }));
    }

    /// <summary>Saves the questions as a new version; audits already done keep the wording they were answered against.</summary>
    [RequirePermission(QaPermissions.Manage), HttpPost("/qa/audit-questions", Name = QaRoutes.AuditsQuestions), AuditsChange("Audit questions changed")]
    public async Task<IActionResult> Questions([Bind(Prefix = "Form")] QuestionSetForm form)
    {
        var current = await CurrentSet();
        var lines = (form.Questions ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
            ModelState.AddModelError(QuestionsField, "Enter at least one question, one a line");
        else if (lines.FirstOrDefault(l => l.Length > 500) is { } longLine)
            ModelState.AddModelError(QuestionsField, $"Question {lines.IndexOf(longLine) + 1} is longer than 500 characters");
        else if (lines.Count > 60)
            ModelState.AddModelError(QuestionsField, "Enter 60 questions or fewer");
        if (!ModelState.IsValid) return View(new QuestionsPage(current, form));

        AuditQuestionSet? set;
        try
        {
            set = await audits.SaveQuestionsAsync(lines, User.DisplayName());
        }
        catch (DbUpdateException)
        {
            // Two managers saved at once: the version number is unique, so only one of them made it.
            ModelState.AddModelError(QuestionsField, "Someone else saved new questions at the same time. Their version is now current; check it and make your changes again");
            return View(new QuestionsPage(await CurrentSet(), form));
        }
        TempData.Saved = set is null ? "The questions have not changed." : $"Saved as version {set.Number}. New audits use these questions; earlier audits keep theirs.";
        return RedirectToAction(nameof(Questions));
    }

    private const string QuestionsField = "Form." + nameof(QuestionSetForm.Questions);

    private Task<AuditQuestionSet> CurrentSet() => audits.CurrentQuestionsAsync();
}
