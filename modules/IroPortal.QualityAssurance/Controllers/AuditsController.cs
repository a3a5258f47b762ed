using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.QualityAssurance.ViewModels;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using IroPortal.Modularity.Forms;

namespace IroPortal.QualityAssurance.Controllers;

/// <summary>Case-file audits against a versioned question set.</summary>
[Area("QualityAssurance")]
public sealed class AuditsController(PortalDbContext db, IStaffDirectory staff, QaAccess access, TimeProvider clock) : Controller
{
    private DateOnly Today => UkTime.Today(clock);

    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/audits/new")]
    public async Task<IActionResult> Create(Guid? iro)
    {
        var form = new AuditForm { IroId = iro, Iros = await staff.InRoleAsync(PortalRoles.Iro) };
        form.Align(await CurrentSet());
        form.PadActions();
        return View(form);
    }

    [RequirePermission(QaPermissions.Manage), HttpPost("/qa/audits/new"), AuditsChange("Case-file audit recorded")]
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
        var audit = new CaseFileAudit
        {
            Id = Guid.CreateVersion7(), IroId = form.IroId!.Value, AuditedOn = auditedOn!.Value, CaseReference = global::IroPortal.Modularity.CaseReference.Normalise(form.CaseReference!),
            QuestionSetId = set.Id, OverallGrade = form.OverallGrade!.Value, Summary = form.Summary!.Trim(),
            AuditorId = User.UserId()!.Value, AuditorName = User.DisplayName(), CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        audit.Answers.AddRange(form.Answers.Select(a => new AuditAnswer { QuestionId = a.QuestionId, Answer = a.Answer!.Value, Comment = a.Comment?.Trim() ?? "" }));
        db.Add(audit);
        foreach (var (description, dueOn) in form.ActionsGiven(Today))
            db.Add(new QaAction
            {
                Id = Guid.CreateVersion7(), IroId = audit.IroId, Source = ActionSource.Audit, SourceId = audit.Id, Description = description,
                DueOn = dueOn, CreatedUtc = clock.GetUtcNow().UtcDateTime, Version = Guid.NewGuid(),
            });
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Details), new { id = audit.Id });
    }

    [RequirePermission(QaPermissions.Manage, QaPermissions.ViewOwn), HttpGet("/qa/audits/{id:guid}"), AuditsChildData("Case-file audit")]
    public async Task<IActionResult> Details(Guid id)
    {
        var audit = await db.Set<CaseFileAudit>().AsNoTracking().Include(a => a.Answers).SingleOrDefaultAsync(a => a.Id == id);
        if (audit is null || !await access.CanSeeAsync(User, audit.IroId)) return NotFound();
        // The questions as they were worded when this audit was answered.
        var questions = await db.Set<AuditQuestion>().AsNoTracking().Where(q => q.QuestionSetId == audit.QuestionSetId).OrderBy(q => q.Position).ToListAsync();
        var set = await db.Set<AuditQuestionSet>().AsNoTracking().SingleAsync(s => s.Id == audit.QuestionSetId);
        var actions = await db.Set<QaAction>().AsNoTracking().Where(a => a.SourceId == id).OrderBy(a => a.DueOn).ToListAsync();
        var iro = await staff.FindAsync(audit.IroId);
        return View(new AuditPage(audit, set.Number, questions, iro?.DisplayName ?? "Former IRO", actions));
    }

    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/audit-questions")]
    public async Task<IActionResult> Questions()
    {
        var set = await CurrentSet();
        return View(new QuestionsPage(set, new QuestionSetForm { Questions = string.Join('\n', set.Questions.OrderBy(q => q.Position).Select(q => q.Text)) }));
    }

    /// <summary>Saves the questions as a new version; audits already done keep the wording they were answered against.</summary>
    [RequirePermission(QaPermissions.Manage), HttpPost("/qa/audit-questions"), AuditsChange("Audit questions changed")]
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

        if (lines.SequenceEqual(current.Questions.OrderBy(q => q.Position).Select(q => q.Text)))
        {
            TempData.Saved = "The questions have not changed.";
            return RedirectToAction(nameof(Questions));
        }
        var set = new AuditQuestionSet { Id = Guid.CreateVersion7(), Number = current.Number + 1, CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = User.DisplayName() };
        set.Questions.AddRange(lines.Select((text, i) => new AuditQuestion { Id = Guid.CreateVersion7(), Position = i + 1, Text = text }));
        db.Add(set);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two managers saved at once: the version number is unique, so only one of them made it.
            ModelState.AddModelError(QuestionsField, "Someone else saved new questions at the same time. Their version is now current; check it and make your changes again");
            return View(new QuestionsPage(await CurrentSet(), form));
        }
        TempData.Saved = $"Saved as version {set.Number}. New audits use these questions; earlier audits keep theirs.";
        return RedirectToAction(nameof(Questions));
    }

    private const string QuestionsField = "Form." + nameof(QuestionSetForm.Questions);

    private async Task<AuditQuestionSet> CurrentSet() =>
        await db.Set<AuditQuestionSet>().AsNoTracking().Include(s => s.Questions).OrderByDescending(s => s.Number).FirstAsync();
}

public sealed record AuditPage(CaseFileAudit Audit, int QuestionSetNumber, IReadOnlyList<AuditQuestion> Questions, string IroName, IReadOnlyList<QaAction> Actions);

public sealed record QuestionsPage(AuditQuestionSet Current, QuestionSetForm Form);
