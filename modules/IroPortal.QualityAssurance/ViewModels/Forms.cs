using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace IroPortal.QualityAssurance.ViewModels;

public static class Choices
{
    public static IEnumerable<SelectListItem> Grades => Enum.GetValues<Grade>().Select(g => new SelectListItem(g.Name(), g.ToString()));
    public static IEnumerable<SelectListItem> Iros(IEnumerable<StaffMember> iros) => iros.Select(i => new SelectListItem(i.DisplayName, i.Id.ToString()));
    public static IEnumerable<SelectListItem> AuditAnswers => Enum.GetValues<AuditAnswerValue>().Select(a => new SelectListItem(a.Name(), a.ToString()));
}

public sealed class ActionInput
{
    public string? Description { get; set; }
    public DateParts DueOn { get; set; } = new();
}

/// <summary>Fields shared by observations and audits: which IRO, when, which child's case, the actions agreed.</summary>
public abstract class QaRecordForm
{
    public Guid? IroId { get; set; }
    public string? CaseReference { get; set; }
    public Grade? OverallGrade { get; set; }
    public List<ActionInput> Actions { get; set; } = [];
    [BindNever] public IReadOnlyList<StaffMember> Iros { get; set; } = [];

    protected void ValidateCommon(ModelStateDictionary state, DateOnly today)
    {
        if (IroId is not { } iro || Iros.All(i => i.Id != iro))
            state.AddModelError(nameof(IroId), "Choose the IRO");
        if (!Services.CaseReference.IsValid(CaseReference))
            state.AddModelError(nameof(CaseReference), Services.CaseReference.Error);
        if (OverallGrade is null)
            state.AddModelError(nameof(OverallGrade), "Choose an overall grade");
        for (var i = 0; i < Actions.Count; i++)
        {
            var action = Actions[i];
            if (string.IsNullOrWhiteSpace(action.Description) && action.DueOn.IsEmpty) continue;
            if (string.IsNullOrWhiteSpace(action.Description))
                state.AddModelError($"Actions[{i}].Description", $"Describe action {i + 1}, or clear its due date");
            else if (action.Description.Length > 1000)
                state.AddModelError($"Actions[{i}].Description", $"Action {i + 1} must be 1,000 characters or fewer");
            action.DueOn.Validate(state, $"Actions[{i}].DueOn", $"the due date of action {i + 1}", notBefore: today);
        }
    }

    /// <summary>Room for three actions on a new form; rows left empty are ignored.</summary>
    public void PadActions()
    {
        while (Actions.Count < 3) Actions.Add(new ActionInput());
    }

    public IEnumerable<(string Description, DateOnly DueOn)> ActionsGiven(DateOnly today) => Actions
        .Where(a => !string.IsNullOrWhiteSpace(a.Description))
        .Select(a => (a.Description!.Trim(), a.DueOn.Validate(new ModelStateDictionary(), "x", "x", notBefore: today)!.Value));
}

public sealed class StandardGradeInput
{
    public ObservationStandard Standard { get; set; }
    public Grade? Grade { get; set; }
    public string? Evidence { get; set; }
}

public sealed class ObservationForm : QaRecordForm
{
    public DateParts ObservedOn { get; set; } = new();
    public string? ReviewDescription { get; set; }
    public List<StandardGradeInput> Standards { get; set; } = Enum.GetValues<ObservationStandard>().Select(s => new StandardGradeInput { Standard = s }).ToList();
    public string? Strengths { get; set; }
    public string? AreasForDevelopment { get; set; }
    /// <summary>"share" to send it to the IRO now; anything else keeps it a draft.</summary>
    public string? Submit { get; set; }

    public DateOnly? Validate(ModelStateDictionary state, DateOnly today)
    {
        var observedOn = ObservedOn.Validate(state, nameof(ObservedOn), "the date of the observation", notAfter: today);
        ValidateCommon(state, today);
        if (ReviewDescription?.Length > 200)
            state.AddModelError(nameof(ReviewDescription), "The description of the review must be 200 characters or fewer");
        if (Standards.Count != Enum.GetValues<ObservationStandard>().Length || Standards.Select(s => s.Standard).Distinct().Count() != Standards.Count)
            state.AddModelError("", "The form's standards were changed. Reload the page and try again.");
        for (var i = 0; i < Standards.Count; i++)
            if (Standards[i].Grade is null)
                state.AddModelError($"Standards[{i}].Grade", $"Choose a grade for {Standards[i].Standard.Name().ToLowerInvariant()}");
        if (string.IsNullOrWhiteSpace(Strengths))
            state.AddModelError(nameof(Strengths), "Describe the strengths you saw");
        if (string.IsNullOrWhiteSpace(AreasForDevelopment))
            state.AddModelError(nameof(AreasForDevelopment), "Describe the areas for development, or write \"None\"");
        return observedOn;
    }
}

public sealed class AuditAnswerInput
{
    public Guid QuestionId { get; set; }
    public AuditAnswerValue? Answer { get; set; }
    public string? Comment { get; set; }
    [BindNever] public string Question { get; set; } = "";
}

public sealed class AuditForm : QaRecordForm
{
    public DateParts AuditedOn { get; set; } = new();
    public Guid QuestionSetId { get; set; }
    public List<AuditAnswerInput> Answers { get; set; } = [];
    public string? Summary { get; set; }

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

public sealed class ReflectionForm
{
    public string? Reflection { get; set; }
    public Guid Version { get; set; }
}

public sealed class CompleteActionForm
{
    public string? Note { get; set; }
    public Guid Version { get; set; }
}

public sealed class QuestionSetForm
{
    /// <summary>One question a line.</summary>
    public string? Questions { get; set; }
}

public sealed class StandardsForm
{
    public List<StandardInput> Standards { get; set; } = [];
    [BindNever] public IReadOnlyList<QaStandard> History { get; set; } = [];
}

public sealed class StandardInput
{
    public QaActivity Activity { get; set; }
    public int? IntervalMonths { get; set; }
}

public sealed class FeedbackLinkForm
{
    public QaActivity? RespondentType { get; set; }
    public Guid? IroId { get; set; }
    public DateParts ReviewDate { get; set; } = new();
    public string? RespondentEmail { get; set; }
    [BindNever] public IReadOnlyList<StaffMember> Iros { get; set; } = [];
}

/// <summary>Answers to one feedback form, online or typed in by the manager. Keys are question keys.</summary>
public sealed class FeedbackAnswersForm
{
    public Dictionary<string, int?> Ratings { get; set; } = [];
    public Dictionary<string, string?> Texts { get; set; } = [];

    public void Validate(ModelStateDictionary state, QaActivity type)
    {
        foreach (var question in FeedbackForms.For(type))
        {
            if (question.IsRating && Ratings.GetValueOrDefault(question.Key) is { } rating && rating is < 1 or > 5)
                state.AddModelError($"Ratings[{question.Key}]", $"Choose one of the answers for \"{question.Text}\"");
            if (!question.IsRating && Texts.GetValueOrDefault(question.Key)?.Length > 4000)
                state.AddModelError($"Texts[{question.Key}]", $"Your answer to \"{question.Text}\" must be 4,000 characters or fewer");
        }
    }

    public IEnumerable<FeedbackAnswer> ToAnswers(QaActivity type) => FeedbackForms.For(type)
        .Select(q => new FeedbackAnswer
        {
            QuestionKey = q.Key,
            Rating = q.IsRating ? Ratings.GetValueOrDefault(q.Key) : null,
            Text = q.IsRating ? null : Texts.GetValueOrDefault(q.Key)?.Trim() is { Length: > 0 } text ? text : null,
        })
        .Where(a => a.Rating is not null || a.Text is not null);
}

public sealed class ReceivedFeedbackForm
{
    public QaActivity? RespondentType { get; set; }
    public Guid? IroId { get; set; }
    public DateParts ReceivedOn { get; set; } = new();
    public DateParts ReviewDate { get; set; } = new();
    public FeedbackChannel? Channel { get; set; }
    public FeedbackAnswersForm Answers { get; set; } = new();
    [BindNever] public IReadOnlyList<StaffMember> Iros { get; set; } = [];
}
