namespace IroPortal.QualityAssurance.Models;

/// <summary>The seven quality-assurance activities of the national survey (NCB 2013, table 4.2).</summary>
public enum QaActivity
{
    Observation = 1,
    CaseFileAudit = 2,
    ChildFeedback = 3,
    ParentCarerFeedback = 4,
    ProfessionalFeedback = 5,
    PartnerAgencyFeedback = 6,
    GuardianCourtFeedback = 7,
}

public enum Grade { Outstanding = 1, Good = 2, RequiresImprovement = 3, Inadequate = 4 }

public enum AuditAnswerValue { Yes = 1, Partly = 2, No = 3, NotApplicable = 4 }

/// <summary>What an observation looks at, from the IRO Handbook's duties.</summary>
public enum ObservationStandard
{
    Preparation = 1,
    MeetingTheChild = 2,
    Participation = 3,
    Chairing = 4,
    CarePlanScrutiny = 5,
    ChallengeOfDrift = 6,
    Recording = 7,
    AdvocacyAndComplaints = 8,
}

public enum RecordStatus
{
    /// <summary>The manager is still writing it; the IRO cannot see it.</summary>
    Draft = 1,
    /// <summary>Shared with the IRO for their reflection.</summary>
    WithIro = 2,
    /// <summary>The IRO has added their reflection and acknowledged it.</summary>
    Acknowledged = 3,
    SignedOff = 4,
}

/// <summary>How feedback arrived. <see cref="SelfStarted"/>: a child opened the children's form themselves (from
/// the children's summary, the short address or a printed QR code), with no link from staff.</summary>
public enum FeedbackChannel { Online = 1, Paper = 2, Email = 3, SelfStarted = 4 }

/// <summary>The children's form in words for an age: the manager picks one for a link, the child may switch.
/// The questions keep their keys in every version, so the answers are counted together.</summary>
public enum ChildFormVersion { Pictures = 1, Standard = 2, YoungPeople = 3 }

public static class QaText
{
    public static readonly IReadOnlyList<QaActivity> Activities = Enum.GetValues<QaActivity>();

    public static readonly IReadOnlyList<QaActivity> FeedbackActivities =
        [QaActivity.ChildFeedback, QaActivity.ParentCarerFeedback, QaActivity.ProfessionalFeedback, QaActivity.PartnerAgencyFeedback, QaActivity.GuardianCourtFeedback];

    public const string NoIroNamed = "Not said (started by the child)";

    public static string IroName(IReadOnlyDictionary<Guid, string> iros, Guid id) =>
        id == FeedbackResponse.NoIroNamed ? NoIroNamed : iros.GetValueOrDefault(id, "Former IRO");

    public static bool IsFeedback(this QaActivity activity) => activity >= QaActivity.ChildFeedback;

    public static string Name(this QaActivity activity) => activity switch
    {
        QaActivity.Observation => "Direct observation of IRO practice",
        QaActivity.CaseFileAudit => "Audit of case files and IRO records",
        QaActivity.ChildFeedback => "Feedback from children",
        QaActivity.ParentCarerFeedback => "Feedback from parents and carers",
        QaActivity.ProfessionalFeedback => "Feedback from social workers and other professionals",
        QaActivity.PartnerAgencyFeedback => "Feedback from partner agencies",
        QaActivity.GuardianCourtFeedback => "Feedback from children's guardians and courts",
        _ => activity.ToString(),
    };

    /// <summary>Short names for table columns.</summary>
    public static string ShortName(this QaActivity activity) => activity switch
    {
        QaActivity.Observation => "Observation",
        QaActivity.CaseFileAudit => "Case-file audit",
        QaActivity.ChildFeedback => "Children",
        QaActivity.ParentCarerFeedback => "Parents and carers",
        QaActivity.ProfessionalFeedback => "Social workers",
        QaActivity.PartnerAgencyFeedback => "Partner agencies",
        QaActivity.GuardianCourtFeedback => "Guardians and courts",
        _ => activity.ToString(),
    };

    /// <summary>Who answers a feedback request of this kind.</summary>
    public static string Respondent(this QaActivity activity) => activity switch
    {
        QaActivity.ChildFeedback => "a child or young person",
        QaActivity.ParentCarerFeedback => "a parent or carer",
        QaActivity.ProfessionalFeedback => "a social worker or other professional",
        QaActivity.PartnerAgencyFeedback => "a partner agency (health, education, police)",
        QaActivity.GuardianCourtFeedback => "a children's guardian or the court",
        _ => "",
    };

    public static string Name(this FeedbackChannel channel) => channel switch
    {
        FeedbackChannel.Online => "Online, from a link",
        FeedbackChannel.Paper => "On paper",
        FeedbackChannel.Email => "By email",
        _ => "Self-started by the child",
    };

    public static string Name(this ChildFormVersion version) => version switch
    {
        ChildFormVersion.Pictures => "With pictures, for younger children",
        ChildFormVersion.YoungPeople => "For young people and care leavers",
        _ => "For children",
    };

    /// <summary>The version's name in the address: /tell-us?version=pictures.</summary>
    public static string Slug(this ChildFormVersion version) => version switch
    {
        ChildFormVersion.Pictures => "pictures",
        ChildFormVersion.YoungPeople => "young-people",
        _ => "children",
    };

    public static ChildFormVersion? ChildVersionFromSlug(string? slug) =>
        Enum.GetValues<ChildFormVersion>().Cast<ChildFormVersion?>().FirstOrDefault(v => v!.Value.Slug() == slug);

    public static string Name(this Grade grade) => grade switch
    {
        Grade.Outstanding => "Outstanding",
        Grade.Good => "Good",
        Grade.RequiresImprovement => "Requires improvement",
        _ => "Inadequate",
    };

    public static string Name(this AuditAnswerValue answer) => answer switch
    {
        AuditAnswerValue.Yes => "Yes",
        AuditAnswerValue.Partly => "Partly",
        AuditAnswerValue.No => "No",
        _ => "Not applicable",
    };

    public static string Name(this ObservationStandard standard) => standard switch
    {
        ObservationStandard.Preparation => "Preparation: reading documents, consulting professionals, carers and the child",
        ObservationStandard.MeetingTheChild => "Meeting the child before the review",
        ObservationStandard.Participation => "The child's participation",
        ObservationStandard.Chairing => "Chairing the review",
        ObservationStandard.CarePlanScrutiny => "Scrutiny of the care plan and its assessments",
        ObservationStandard.ChallengeOfDrift => "Challenge of drift and delay",
        ObservationStandard.Recording => "Recording, and its timeliness",
        _ => "Advocacy and complaints explained to the child",
    };

    public static string Name(this RecordStatus status) => status switch
    {
        RecordStatus.Draft => "Draft",
        RecordStatus.WithIro => "With the IRO for reflection",
        RecordStatus.Acknowledged => "Acknowledged by the IRO",
        _ => "Signed off",
    };
}
