using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Safeguarding;
using IroPortal.QualityAssurance.Services;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace IroPortal.QualityAssurance.ViewModels;

public static class Choices
{
    public static IEnumerable<SelectListItem> Grades => Enum.GetValues<Grade>().Select(g => new SelectListItem(g.Name(), g.ToString()));
    public static IEnumerable<SelectListItem> Iros(IEnumerable<StaffMember> iros) => iros.Select(i => new SelectListItem(i.DisplayName, i.Id.ToString()));
    public static IEnumerable<SelectListItem> ChildVersions => Enum.GetValues<ChildFormVersion>().Select(v => new SelectListItem(v.Name(), v.ToString()));
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
        if (global::IroPortal.Modularity.CaseReference.Problem(CaseReference) is { } referenceProblem)
            state.AddModelError(nameof(CaseReference), referenceProblem);
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
    /// <summary>What was written, once <see cref="Validate"/> has passed.</summary>
    public ObservationWritten Written(DateOnly observedOn, DateOnly today) => new(
        IroId!.Value, observedOn, CaseReference!, ReviewDescription ?? "", OverallGrade!.Value, Strengths!, AreasForDevelopment!,
        Standards.Select(g => new ObservationGrade { Standard = g.Standard, Grade = g.Grade!.Value, Evidence = g.Evidence?.Trim() ?? "" }).ToList(),
        ActionsGiven(today).ToList(), Submit == "share");
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
    public ChildFormVersion? ChildVersion { get; set; } = ChildFormVersion.Standard;
    public Guid? IroId { get; set; }
    public DateParts ReviewDate { get; set; } = new();
    public string? RespondentEmail { get; set; }
    [BindNever] public IReadOnlyList<StaffMember> Iros { get; set; } = [];
}

/// <summary>Answers to one feedback form, online or typed in by the manager. Keys are question keys.</summary>
public class FeedbackAnswersForm
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

/// <summary>The children's form: the answers, and what only a child is asked.</summary>
public sealed class ChildFeedbackForm : FeedbackAnswersForm
{
    public const string IroNotKnown = "not-known";

    /// <summary>The IRO's id, <see cref="IroNotKnown"/>, or nothing. Asked only when a child starts the form themselves.</summary>
    public string? Iro { get; set; }
    /// <summary>"yes" or "no".</summary>
    public string? Contact { get; set; }
    public string? ContactDetails { get; set; }
    public string? Version { get; set; }
    public string? Lang { get; set; }
    /// <summary>A field people never see (it is hidden from sight and from screen readers); software that fills in
    /// every field fills it, and what it sends is not kept.</summary>
    public string? Extra { get; set; }

    /// <summary>"Yes", or a way to contact them written without answering the question: a child who leaves a
    /// phone number wants a call.</summary>
    public bool WantsContact => Contact == "yes" || (Contact != "no" && !string.IsNullOrWhiteSpace(ContactDetails));
    public bool LooksAutomated => !string.IsNullOrEmpty(Extra);

    /// <summary>Checks the answers, with messages in the child's language.</summary>
    /// <returns>The IRO chosen; <see cref="FeedbackResponse.NoIroNamed"/> when none was.</returns>
    public Guid Validate(ModelStateDictionary state, ChildPageWords words, ChildFormVersion version, IReadOnlyList<StaffMember>? iros)
    {
        foreach (var question in FeedbackForms.For(QaActivity.ChildFeedback))
        {
            var text = words.Text(ChildWords.QuestionKey(version, question.Key));
            if (question.IsRating && Ratings.GetValueOrDefault(question.Key) is { } rating && rating is < 1 or > 5)
                state.AddModelError($"Ratings[{question.Key}]", words.Format("error.rating", text));
            if (!question.IsRating && Texts.GetValueOrDefault(question.Key)?.Length > 4000)
                state.AddModelError($"Texts[{question.Key}]", words.Format("error.too-long", text));
        }
        if (ContactDetails?.Length > 500)
            state.AddModelError(nameof(ContactDetails), words.Text("error.contact-long"));
        if (iros is null || string.IsNullOrEmpty(Iro) || Iro == IroNotKnown) return FeedbackResponse.NoIroNamed;
        if (Guid.TryParse(Iro, out var id) && iros.Any(i => i.Id == id)) return id;
        state.AddModelError(nameof(Iro), words.Text("error.iro"));
        return FeedbackResponse.NoIroNamed;
    }
}

public sealed class UrgentActionForm
{
    public const int MaxLength = 4000;
    /// <summary>The field's name on the page, where the form is the page's <c>Form</c>.</summary>
    public const string Field = "Form." + nameof(ActionTaken);

    public string? ActionTaken { get; set; }
    public Guid Version { get; set; }
}

/// <summary>Who is told of urgent messages, who they escalate to, how soon, and the words added to the built-in list.</summary>
public sealed class SafeguardingForm
{
    public const int MaxHours = 40;
    public const int MaxExtraWords = 500;
    public const int MaxExtraLength = 8000;

    public List<Guid> DutyManagers { get; set; } = [];
    public Guid? FirstEscalation { get; set; }
    public Guid? SecondEscalation { get; set; }
    public Guid? ThirdEscalation { get; set; }
    public string? Hours { get; set; }
    public string? ExtraWords { get; set; }

    public IReadOnlyList<StaffMember> Candidates { get; set; } = [];
    public SafeguardingSettings Settings { get; set; } = new();

    public IEnumerable<SelectListItem> EscalationChoices =>
        Candidates.Select(c => new SelectListItem(c.DisplayName, c.Id.ToString())).Prepend(new SelectListItem("Nobody", ""));

    public (IReadOnlyList<Guid> DutyManagers, IReadOnlyList<Guid> Escalation, int Hours) Validate(ModelStateDictionary state)
    {
        var known = Candidates.Select(c => c.Id).ToHashSet();
        if (DutyManagers.Any(id => !known.Contains(id)))
            state.AddModelError(nameof(DutyManagers), "Choose duty managers from the list: only IRO managers and senior managers can be told of urgent messages");
        var steps = new[] { (nameof(FirstEscalation), FirstEscalation, "first"), (nameof(SecondEscalation), SecondEscalation, "second"), (nameof(ThirdEscalation), ThirdEscalation, "third") };
        var chain = new List<Guid>();
        var gap = false;
        foreach (var (field, id, which) in steps)
        {
            if (id is not { } person) { gap = true; continue; }
            if (!known.Contains(person)) state.AddModelError(field, $"Choose the {which} person to escalate to from the list");
            else if (gap) state.AddModelError(field, $"Choose who comes before the {which} person to escalate to, or choose nobody here");
            else if (chain.Contains(person)) state.AddModelError(field, $"The {which} person to escalate to is already named above: choose someone else, or nobody");
            else chain.Add(person);
        }
        var hours = 0;
        if (string.IsNullOrWhiteSpace(Hours)) state.AddModelError(nameof(Hours), "Enter how many working hours someone has to record what was done");
        else if (!int.TryParse(Hours.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out hours))
            state.AddModelError(nameof(Hours), "Enter the working hours as a whole number, like 4");
        else if (hours is < 1 or > MaxHours) state.AddModelError(nameof(Hours), $"The working hours must be between 1 and {MaxHours}");
        var extra = HarmWords.Extra(ExtraWords ?? "");
        if (extra.Count > MaxExtraWords) state.AddModelError(nameof(ExtraWords), $"Add at most {MaxExtraWords} words and phrases; there are {extra.Count}");
        else if (string.Join('\n', extra).Length > MaxExtraLength)
            state.AddModelError(nameof(ExtraWords), $"The added words and phrases must be {MaxExtraLength} characters or fewer in all");
        else if (extra.FirstOrDefault(w => w.Length > 100) is { } tooLong)
            state.AddModelError(nameof(ExtraWords), $"Each word or phrase must be 100 characters or fewer: \u201c{tooLong[..40]}\u2026\u201d is {tooLong.Length}");
        return ([.. DutyManagers.Distinct()], chain, hours);
    }
}

/// <summary>A language for the children's form: its code, its names, and its wording, typed in or uploaded.</summary>
public sealed class ChildLanguageForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? EnglishName { get; set; }
    public Dictionary<string, string?> Texts { get; set; } = [];

    public bool IsNew { get; set; }
    public ChildLanguage? Updated { get; set; }

    public string? Text(string key) => Texts.GetValueOrDefault(key);

    public Dictionary<string, string> Validate(ModelStateDictionary state)
    {
        foreach (var (field, message) in Languages.NameProblems(Name, EnglishName)) state.AddModelError(field, message);
        var texts = new Dictionary<string, string>();
        foreach (var word in ChildWords.All)
        {
            var text = Texts.GetValueOrDefault(word.Key)?.Trim();
            if (string.IsNullOrEmpty(text)) continue;
            if (text.Length > ChildLanguages.MaxText)
                state.AddModelError($"Texts[{word.Key}]", $"The translation of \u201c{word.English}\u201d must be {ChildLanguages.MaxText:N0} characters or fewer; it is {text.Length:N0}");
            else texts[word.Key] = text;
        }
        return texts;
    }
}
