namespace IroPortal.QualityAssurance.Models;

// A child is referred to only by the council's case reference, never by name.

/// <summary>How often an activity should be done for each IRO. Kept as a history: the standard in force
/// on a day decides whether an activity was overdue that day.</summary>
public sealed class QaStandard
{
    public Guid Id { get; set; }
    public QaActivity Activity { get; set; }
    public int IntervalMonths { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public string SetBy { get; set; } = "";
    public DateTime SetUtc { get; set; }
}

public sealed class Observation
{
    public Guid Id { get; set; }
    public Guid IroId { get; set; }
    public DateOnly ObservedOn { get; set; }
    public string CaseReference { get; set; } = "";
    public string ReviewDescription { get; set; } = "";
    public Grade OverallGrade { get; set; }
    public string Strengths { get; set; } = "";
    public string AreasForDevelopment { get; set; } = "";
    public string IroReflection { get; set; } = "";
    public RecordStatus Status { get; set; }
    public Guid ObserverId { get; set; }
    public string ObserverName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? AcknowledgedUtc { get; set; }
    public DateTime? SignedOffUtc { get; set; }
    /// <summary>Changes on every save; a save from a stale form is refused.</summary>
    public Guid Version { get; set; }
    public List<ObservationGrade> Grades { get; set; } = [];

    /// <summary>Once the IRO has acknowledged it, the observation is theirs as much as the manager's: no more edits.</summary>
    public bool CanBeEdited => Status is RecordStatus.Draft or RecordStatus.WithIro;

    /// <summary>Shows a draft to the IRO; an observation already shared stays as it is.</summary>
    public void Share()
    {
        if (Status != RecordStatus.Draft) return;
        Status = RecordStatus.WithIro;
        Version = Guid.NewGuid();
    }

    /// <summary>The IRO's reflection, which acknowledges the observation.</summary>
    public void Reflect(string reflection, DateTime nowUtc)
    {
        IroReflection = reflection.Trim();
        Status = RecordStatus.Acknowledged;
        AcknowledgedUtc = nowUtc;
        Version = Guid.NewGuid();
    }

    /// <summary>The manager closes an acknowledged observation; any other is left as it is.</summary>
    public void SignOff(DateTime nowUtc)
    {
        if (Status != RecordStatus.Acknowledged) return;
        Status = RecordStatus.SignedOff;
        SignedOffUtc = nowUtc;
        Version = Guid.NewGuid();
    }
}

public sealed class ObservationGrade
{
    public Guid ObservationId { get; set; }
    public ObservationStandard Standard { get; set; }
    public Grade Grade { get; set; }
    public string Evidence { get; set; } = "";
}

/// <summary>A version of the audit questions. Changing a question makes a new version; audits keep the
/// version they were answered against, so old answers never change meaning.</summary>
public sealed class AuditQuestionSet
{
    public Guid Id { get; set; }
    public int Number { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public List<AuditQuestion> Questions { get; set; } = [];
}

public sealed class AuditQuestion
{
    public Guid Id { get; set; }
    public Guid QuestionSetId { get; set; }
    public int Position { get; set; }
    public string Text { get; set; } = "";
}

public sealed class CaseFileAudit
{
    public Guid Id { get; set; }
    public Guid IroId { get; set; }
    public DateOnly AuditedOn { get; set; }
    public string CaseReference { get; set; } = "";
    public Guid QuestionSetId { get; set; }
    public Grade OverallGrade { get; set; }
    public string Summary { get; set; } = "";
    public Guid AuditorId { get; set; }
    public string AuditorName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public List<AuditAnswer> Answers { get; set; } = [];
}

public sealed class AuditAnswer
{
    public Guid AuditId { get; set; }
    public Guid QuestionId { get; set; }
    public AuditAnswerValue Answer { get; set; }
    public string Comment { get; set; } = "";
}

public enum ActionSource { Observation = 1, Audit = 2 }

/// <summary>Something agreed with an IRO after an observation or audit, tracked until it is done.</summary>
public sealed class QaAction
{
    public Guid Id { get; set; }
    public Guid IroId { get; set; }
    public ActionSource Source { get; set; }
    public Guid SourceId { get; set; }
    public string Description { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string CompletionNote { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public Guid Version { get; set; }

    /// <summary>Marks the action done; one already done keeps its date and note.</summary>
    public void Complete(DateOnly today, string? note)
    {
        if (CompletedOn is not null) return;
        CompletedOn = today;
        CompletionNote = note?.Trim() ?? "";
        Version = Guid.NewGuid();
    }
}

/// <summary>A single-use link that lets someone without an account give feedback about an IRO.
/// Only a hash of the link's secret is stored.</summary>
public sealed class FeedbackRequest
{
    public Guid Id { get; set; }
    public string TokenHash { get; set; } = "";
    public QaActivity RespondentType { get; set; }
    public Guid IroId { get; set; }
    public DateOnly? ReviewDate { get; set; }
    public string? RespondentEmail { get; set; }
    /// <summary>The link's secret, encrypted with the portal's data-protection keys, kept only when there is an
    /// email to remind, so the one reminder can carry the link. Cleared when the feedback is given.</summary>
    public string? ProtectedToken { get; set; }
    public Guid RequestedById { get; set; }
    public string RequestedByName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? AnsweredUtc { get; set; }
    /// <summary>For a child: the version of the form the manager chose; the child may switch.</summary>
    public ChildFormVersion? ChildVersion { get; set; }
}

public sealed class FeedbackResponse
{
    /// <summary>The IRO of feedback a child started themselves without saying who their IRO is. (A sentinel rather
    /// than a null: SQLite cannot make the column nullable without rebuilding the table and its answers.)</summary>
    public static readonly Guid NoIroNamed = Guid.Empty;

    public Guid Id { get; set; }
    /// <summary>The link it came through; unique, so a double submit stores one response. Null when typed in from paper or email.</summary>
    public Guid? RequestId { get; set; }
    public Guid IroId { get; set; }
    public QaActivity RespondentType { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly? ReviewDate { get; set; }
    public FeedbackChannel Channel { get; set; }
    public string? EnteredByName { get; set; }
    public DateTime CreatedUtc { get; set; }
    public ChildFormVersion? FormVersion { get; set; }
    /// <summary>The language the form was read in ("ar"), when not English.</summary>
    public string? Language { get; set; }
    /// <summary>The child (or parent or carer) asked for someone to contact them.</summary>
    public bool WantsContact { get; set; }
    /// <summary>How to reach them, in their words. Personal data: cleared with the answers' words.</summary>
    public string? ContactDetails { get; set; }
    public List<FeedbackAnswer> Answers { get; set; } = [];

    public bool NamesAnIro => IroId != NoIroNamed;
}

/// <summary>Feedback whose words suggest a child may be at risk, or where someone asked to be contacted. Named duty
/// managers are told at once; someone must acknowledge it and record what was done within the response time, or
/// it goes to the next named person.</summary>
public sealed class UrgentConcern
{
    public Guid Id { get; set; }
    public Guid ResponseId { get; set; }
    public DateTime RaisedUtc { get; set; }
    /// <summary>Why it is urgent: the words matched ("hits me"), or that contact was asked for. One a line.</summary>
    public string Reasons { get; set; } = "";
    /// <summary>The first deadline, in working hours from when it was raised; each escalation adds the same time again.</summary>
    public DateTime DueUtc { get; set; }
    public int ResponseWorkingHours { get; set; }
    public DateTime? AcknowledgedUtc { get; set; }
    public string? AcknowledgedByName { get; set; }
    public string? ActionTaken { get; set; }
    public DateTime? ActionRecordedUtc { get; set; }
    public string? ActionRecordedByName { get; set; }
    public Guid Version { get; set; }

    public bool IsOpen => ActionRecordedUtc is null;

    /// <summary>Someone has read it; the first to do so is kept.</summary>
    public void Acknowledge(string by, DateTime nowUtc)
    {
        if (AcknowledgedUtc is not null) return;
        AcknowledgedUtc = nowUtc;
        AcknowledgedByName = by;
        Version = Guid.NewGuid();
    }

    /// <summary>What was done, which closes it (and acknowledges it, if nobody had).</summary>
    public void RecordAction(string action, string by, DateTime nowUtc)
    {
        AcknowledgedUtc ??= nowUtc;
        AcknowledgedByName ??= by;
        ActionTaken = action;
        ActionRecordedUtc = nowUtc;
        ActionRecordedByName = by;
        Version = Guid.NewGuid();
    }
}

/// <summary>The service's safeguarding settings: one row.</summary>
public sealed class SafeguardingSettings
{
    public const int DefaultResponseWorkingHours = 4;

    public int Id { get; set; } = 1;
    /// <summary>Told at once about every urgent message: user ids, comma-separated.</summary>
    public string DutyManagerIds { get; set; } = "";
    /// <summary>Told in this order, one more each time the response time passes with nothing recorded.</summary>
    public string EscalationIds { get; set; } = "";
    public int ResponseWorkingHours { get; set; } = DefaultResponseWorkingHours;
    /// <summary>Words and phrases the manager added to the built-in list, one a line.</summary>
    public string ExtraWords { get; set; } = "";
    public string? UpdatedByName { get; set; }
    public DateTime? UpdatedUtc { get; set; }

    public static IReadOnlyList<Guid> Ids(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParse(s, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)];
}

public sealed class FeedbackAnswer
{
    public Guid ResponseId { get; set; }
    public string QuestionKey { get; set; } = "";
    public int? Rating { get; set; }
    public string? Text { get; set; }
}

/// <summary>A language the children's form (and the children's summary) may be read in, besides English.</summary>
public sealed class ChildLanguage
{
    /// <summary>The language's code as HTML's lang attribute has it: "ar", "fa", "ps", "ti", "ku-Arab".</summary>
    public string Code { get; set; } = "";
    /// <summary>The language's name in itself ("العربية"), for a child choosing it.</summary>
    public string Name { get; set; } = "";
    public string EnglishName { get; set; } = "";
    public string? UpdatedByName { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public List<ChildTranslation> Translations { get; set; } = [];
}

/// <summary>One piece of the children's form's wording in a language; its key is a <c>ChildWords</c> key.</summary>
public sealed class ChildTranslation
{
    public string LanguageCode { get; set; } = "";
    public string Key { get; set; } = "";
    public string Text { get; set; } = "";
}
