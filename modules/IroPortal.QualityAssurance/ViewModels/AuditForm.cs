using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Safeguarding;
using IroPortal.QualityAssurance.Services;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed class AuditForm : QaRecordForm
{
    public DateParts AuditedOn { get; set; } = new();
    public Guid QuestionSetId { get; set; }
    public List<AuditAnswerInput> Answers { get; set; } = [];
    public string? Summary { get; set; }

    /// <summary>What was found, once <see cref="Validate"/> has passed.</summary>
    public AuditWritten Written(DateOnly auditedOn, DateOnly today) => new(
        IroId!.Value, auditedOn, CaseReference!, OverallGrade!.Value, Summary!,
        Answers.Select(a => new AuditAnswer { QuestionId = a.QuestionId, Answer = a.Answer!.Value, Comment = a.Comment?.Trim() ?? "" }).ToList(),
        ActionsGiven(today).ToList());

    public DateOnly? Validate(ModelStateDictionary state, DateOnly today, AuditQuestionSet set)
    {
        var auditedOn = AuditedOn.Validate(state, nameof(AuditedOn), "the date of the audit", notAfter: today);
        ValidateCommon(state, today);
        if (QuestionSetId != set.Id || Answers.Select(a => a.QuestionId).Order().SequenceEqual(set.Questions.Select(q => q.Id).Order()) is false)
            state.AddModelError("", "The audit questions changed while you were filling in the form. Your answers are below against the current questions; check them and save again.");
        var questions = set.Questions.OrderBy(q => q.Position).ToList();
        for (var i = 0; i < Answers.Count; i++)
        {
            if (Answers[i].Answer is null)
                state.AddModelError($"Answers[{i}].Answer", $"Answer question {i + 1}");
            if (Answers[i].Comment?.Length > 2000)
                state.AddModelError($"Answers[{i}].Comment", $"The comment on question {i + 1} must be 2,000 characters or fewer");
        }
        if (string.IsNullOrWhiteSpace(Summary))
            state.AddModelError(nameof(Summary), "Summarise what the audit found");
        return auditedOn;
    }

    /// <summary>The form's answers lined up with the set's questions, keeping what was entered.</summary>
    public void Align(AuditQuestionSet set)
    {
        var given = Answers.ToDictionary(a => a.QuestionId);
        QuestionSetId = set.Id;
        Answers = set.Questions.OrderBy(q => q.Position).Select(q => given.TryGetValue(q.Id, out var a)
            ? new AuditAnswerInput { QuestionId = q.Id, Answer = a.Answer, Comment = a.Comment, Question = q.Text }
            : new AuditAnswerInput { QuestionId = q.Id, Question = q.Text }).ToList();
    }
}
