using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.PersonalData;
using IroPortal.QualityAssurance.Models;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.QualityAssurance.Services;

/// <summary>What quality assurance keeps about people: feedback answers and the email addresses links went to,
/// observations and audits by case reference. Disposal and erasure take the words and the references away and
/// leave the grades and ratings, so the figures stay as they were.</summary>
internal sealed class QaPersonalData(PortalDbContext db, IStaffDirectory staff) : IRetentionSource, IPersonalDataSource
{
    private const string Answers = "qa.feedback-answers", Links = "qa.feedback-links", Observations = "qa.observations", Audits = "qa.audits", UrgentActions = "qa.urgent-actions";
    private const string ObservationKind = "Observation of practice", AuditKind = "Case-file audit", FeedbackKind = "Feedback answers", LinkKind = "Feedback link",
        UrgentKind = "Urgent message: what was done";

    public string Name => "Quality assurance";

    public IReadOnlyList<RetainedKind> Kinds { get; } =
    [
        new(Answers, "Feedback answers", "What children, parents, carers, professionals, agencies, guardians and courts wrote on feedback forms, their ratings, and how a child asked to be contacted.",
            "From the day the answers were received", 730, Disposal.Anonymised, "the written answers and contact details are deleted; the ratings stay in the figures, with nothing that identifies anyone."),
        new(UrgentActions, "What was done about urgent messages", "What a duty manager recorded doing about feedback that suggested a child may be at risk: who was told and what followed.",
            "From the day it was recorded", 2190, Disposal.Anonymised, "what was done is removed; that an urgent message came, why, and when it was dealt with stay."),
        new(Links, "Feedback-link email addresses", "The email address a feedback link was sent to (the link itself is kept only as a hash).",
            "From when the link was answered or expired", 90, Disposal.Anonymised, "the email address is removed; the link no longer works by then anyway."),
        new(Observations, "Observations of practice", "The case reference, the review observed, grades with their evidence, strengths, areas for development and the IRO's reflection.",
            "From the day of the observation", 1095, Disposal.Anonymised, "the case reference and every written word are removed; the grades stay in the figures."),
        new(Audits, "Case-file audits", "The case reference, the answers with their comments, the grade and the summary.",
            "From the day of the audit", 1095, Disposal.Anonymised, "the case reference, the comments and the summary are removed; the answers and grade stay in the figures."),
    ];

    public async Task<int> CountPastAsync(string kind, DateTime cutoffUtc, CancellationToken cancellationToken = default)
    {
        var cutoff = UkTime.DateOf(cutoffUtc);
        return kind switch
        {
            Answers => (await PastResponses(cutoff, cancellationToken)).Count,
            UrgentActions => await PastUrgentActions(cutoffUtc).CountAsync(cancellationToken),
            Links => await PastLinks(cutoffUtc).CountAsync(cancellationToken),
            Observations => await PastObservations(cutoff).CountAsync(cancellationToken),
            Audits => await PastAudits(cutoff).CountAsync(cancellationToken),
            _ => 0,
        };
    }

    public async Task<int> DisposeAsync(string kind, DateTime cutoffUtc, CancellationToken cancellationToken = default)
    {
        var cutoff = UkTime.DateOf(cutoffUtc);
        switch (kind)
        {
            case Answers:
                var responses = await PastResponses(cutoff, cancellationToken);
                await ClearAnswerWords(responses, cancellationToken);
                return responses.Count;
            case UrgentActions:
                return await PastUrgentActions(cutoffUtc).ExecuteUpdateAsync(u => u.SetProperty(c => c.ActionTaken, "").SetProperty(c => c.Version, Guid.NewGuid()), cancellationToken);
            case Links:
                return await PastLinks(cutoffUtc).ExecuteUpdateAsync(u => u.SetProperty(r => r.RespondentEmail, (string?)null).SetProperty(r => r.ProtectedToken, (string?)null), cancellationToken);
            case Observations:
                var observations = await PastObservations(cutoff).Select(o => o.Id).ToListAsync(cancellationToken);
                await ClearObservations(observations, cancellationToken);
                return observations.Count;
            case Audits:
                var audits = await PastAudits(cutoff).Select(a => a.Id).ToListAsync(cancellationToken);
                await ClearAudits(audits, cancellationToken);
                return audits.Count;
            default:
                return 0;
        }
    }

    public async Task<IReadOnlyList<PersonalRecord>> FindAsync(PersonalDataQuery query, CancellationToken cancellationToken = default)
    {
        var t = query.Lower;
        var found = new List<PersonalRecord>();

        var observations = await db.Set<Observation>().AsNoTracking().Include(o => o.Grades)
            .Where(o => o.CaseReference.ToLower() == t || o.ReviewDescription.ToLower().Contains(t) || o.Strengths.ToLower().Contains(t)
                || o.AreasForDevelopment.ToLower().Contains(t) || o.IroReflection.ToLower().Contains(t) || o.Grades.Any(g => g.Evidence.ToLower().Contains(t)))
            .OrderBy(o => o.ObservedOn).ToListAsync(cancellationToken);
        foreach (var o in observations)
            found.Add(new(ObservationKind, o.Id.ToString(), $"{await IroName(o.IroId, cancellationToken)}, {UkTime.Format(o.ObservedOn)}", o.CreatedUtc,
            [
                new("Case reference", o.CaseReference), new("Observed by", o.ObserverName), new("Review", o.ReviewDescription), new("Overall grade", o.OverallGrade.Name()),
                .. o.Grades.OrderBy(g => g.Standard).Select(g => new PersonalField(g.Standard.Name(), $"{g.Grade.Name()}. {g.Evidence}".Trim())),
                new("Strengths", o.Strengths), new("Areas for development", o.AreasForDevelopment), new("The IRO's reflection", o.IroReflection),
            ], "The case reference and every written word are removed; the grades stay in the figures."));

        var audits = await db.Set<CaseFileAudit>().AsNoTracking().Include(a => a.Answers)
            .Where(a => a.CaseReference.ToLower() == t || a.Summary.ToLower().Contains(t) || a.Answers.Any(x => x.Comment.ToLower().Contains(t)))
            .OrderBy(a => a.AuditedOn).ToListAsync(cancellationToken);
        var questions = await db.Set<AuditQuestion>().AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.Text, cancellationToken);
        foreach (var a in audits)
            found.Add(new(AuditKind, a.Id.ToString(), $"{await IroName(a.IroId, cancellationToken)}, {UkTime.Format(a.AuditedOn)}", a.CreatedUtc,
            [
                new("Case reference", a.CaseReference), new("Audited by", a.AuditorName), new("Overall grade", a.OverallGrade.Name()),
                .. a.Answers.Select(x => new PersonalField(questions.GetValueOrDefault(x.QuestionId, "Question"), $"{x.Answer.Name()}. {x.Comment}".Trim())),
                new("Summary", a.Summary),
            ], "The case reference, the comments and the summary are removed; the answers and grade stay in the figures."));

        // A link sent to the email address, and what was answered through it; or answers that mention the term.
        var links = query.LooksLikeEmail
            ? await db.Set<FeedbackRequest>().AsNoTracking().Where(r => r.RespondentEmail != null && r.RespondentEmail.ToLower() == t).ToListAsync(cancellationToken)
            : [];
        foreach (var link in links)
            found.Add(new(LinkKind, link.Id.ToString(), $"{link.RespondentType.Name()}, made {UkTime.Format(UkTime.DateOf(link.CreatedUtc))}", link.CreatedUtc,
            [
                new("Sent to", link.RespondentEmail!), new("Made by", link.RequestedByName), new("Review", link.ReviewDate is { } d ? UkTime.Format(d) : "Not given"),
                new("Expires", UkTime.Format(link.ExpiresUtc)), new("Answered", UkTime.Format(link.AnsweredUtc, "Not answered")),
            ], "The email address is removed from the link."));
        var linkIds = links.Select(l => (Guid?)l.Id).ToList();
        var responses = await db.Set<FeedbackResponse>().AsNoTracking().Include(r => r.Answers)
            .Where(r => linkIds.Contains(r.RequestId) || (r.ContactDetails != null && r.ContactDetails.ToLower().Contains(t)) || r.Answers.Any(a => a.Text != null && a.Text.ToLower().Contains(t)))
            .OrderBy(r => r.ReceivedOn).ToListAsync(cancellationToken);
        foreach (var r in responses)
            found.Add(new(FeedbackKind, r.Id.ToString(), $"{r.RespondentType.Name()}, received {UkTime.Format(r.ReceivedOn)}", r.CreatedUtc,
            [
                new("About the IRO", r.NamesAnIro ? await IroName(r.IroId, cancellationToken) : QaText.NoIroNamed), new("Review", r.ReviewDate is { } d ? UkTime.Format(d) : "Not given"),
                .. (r.ContactDetails is { } contact ? [new PersonalField("How to contact them", contact)] : Array.Empty<PersonalField>()),
                .. r.Answers.Where(a => a.Rating is not null || !string.IsNullOrEmpty(a.Text)).Select(a => new PersonalField(FeedbackForms.QuestionText(r.RespondentType, a.QuestionKey),
                    string.Join(". ", new[] { a.Rating is { } rating ? FeedbackForms.Scale(r.RespondentType).ElementAtOrDefault(rating - 1) ?? rating.ToString() : null, a.Text }.Where(x => !string.IsNullOrEmpty(x))))),
            ], "The written answers and contact details are deleted; the ratings stay in the figures, with nothing that identifies anyone."));

        var actions = await db.Set<UrgentConcern>().AsNoTracking().Where(c => c.ActionTaken != null && c.ActionTaken.ToLower().Contains(t)).OrderBy(c => c.RaisedUtc).ToListAsync(cancellationToken);
        foreach (var c in actions)
            found.Add(new(UrgentKind, c.Id.ToString(), $"Urgent message of {UkTime.Format(c.RaisedUtc)}", c.ActionRecordedUtc ?? c.RaisedUtc,
            [
                new("Why it was urgent", c.Reasons), new("Recorded by", c.ActionRecordedByName ?? ""), new("What was done", c.ActionTaken!),
            ], "What was done is removed; that an urgent message came, why, and when it was dealt with stay."));
        return found;
    }

    public async Task<bool> EraseAsync(PersonalDataQuery query, string kind, string id, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(id, out var key)) return false;
        switch (kind)
        {
            case ObservationKind: return await ClearObservations([key], cancellationToken) > 0;
            case AuditKind: return await ClearAudits([key], cancellationToken) > 0;
            case UrgentKind:
                return await db.Set<UrgentConcern>().Where(c => c.Id == key)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.ActionTaken, "").SetProperty(c => c.Version, Guid.NewGuid()), cancellationToken) > 0;
            case FeedbackKind: return await ClearAnswerWords([key], cancellationToken) >= 0 && await db.Set<FeedbackResponse>().AnyAsync(r => r.Id == key, cancellationToken);
            case LinkKind:
                return await db.Set<FeedbackRequest>().Where(r => r.Id == key)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.RespondentEmail, (string?)null).SetProperty(r => r.ProtectedToken, (string?)null), cancellationToken) > 0;
            default: return false;
        }
    }

    private IQueryable<FeedbackAnswer> PastAnswers(DateOnly cutoff) =>
        db.Set<FeedbackAnswer>().Where(a => a.Text != null && a.Text != "" && db.Set<FeedbackResponse>().Any(r => r.Id == a.ResponseId && r.ReceivedOn < cutoff));

    private async Task<List<Guid>> PastResponses(DateOnly cutoff, CancellationToken cancellationToken) =>
    [
        .. (await PastAnswers(cutoff).Select(a => a.ResponseId).ToListAsync(cancellationToken))
            .Union(await db.Set<FeedbackResponse>().Where(r => r.ContactDetails != null && r.ReceivedOn < cutoff).Select(r => r.Id).ToListAsync(cancellationToken)),
    ];

    private IQueryable<UrgentConcern> PastUrgentActions(DateTime cutoffUtc) =>
        db.Set<UrgentConcern>().Where(c => c.ActionTaken != null && c.ActionTaken != "" && c.ActionRecordedUtc < cutoffUtc);

    private IQueryable<FeedbackRequest> PastLinks(DateTime cutoffUtc) =>
        db.Set<FeedbackRequest>().Where(r => (r.RespondentEmail != null || r.ProtectedToken != null) && (r.AnsweredUtc ?? r.ExpiresUtc) < cutoffUtc);

    private IQueryable<Observation> PastObservations(DateOnly cutoff) =>
        db.Set<Observation>().Where(o => o.ObservedOn < cutoff && (o.CaseReference != "" || o.ReviewDescription != "" || o.Strengths != "" || o.AreasForDevelopment != ""
            || o.IroReflection != "" || o.Grades.Any(g => g.Evidence != "")));

    private IQueryable<CaseFileAudit> PastAudits(DateOnly cutoff) =>
        db.Set<CaseFileAudit>().Where(a => a.AuditedOn < cutoff && (a.CaseReference != "" || a.Summary != "" || a.Answers.Any(x => x.Comment != "")));

    private async Task<int> ClearAnswerWords(IReadOnlyList<Guid> responses, CancellationToken cancellationToken)
    {
        await db.Set<FeedbackResponse>().Where(r => responses.Contains(r.Id) && r.ContactDetails != null).ExecuteUpdateAsync(u => u.SetProperty(r => r.ContactDetails, (string?)null), cancellationToken);
        return await db.Set<FeedbackAnswer>().Where(a => responses.Contains(a.ResponseId) && a.Text != null).ExecuteUpdateAsync(u => u.SetProperty(a => a.Text, (string?)null), cancellationToken);
    }

    private async Task<int> ClearObservations(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        await db.Set<ObservationGrade>().Where(g => ids.Contains(g.ObservationId)).ExecuteUpdateAsync(u => u.SetProperty(g => g.Evidence, ""), cancellationToken);
        return await db.Set<Observation>().Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(o => o.CaseReference, "").SetProperty(o => o.ReviewDescription, "").SetProperty(o => o.Strengths, "")
            .SetProperty(o => o.AreasForDevelopment, "").SetProperty(o => o.IroReflection, "").SetProperty(o => o.Version, Guid.NewGuid()), cancellationToken);
    }

    private async Task<int> ClearAudits(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        await db.Set<AuditAnswer>().Where(x => ids.Contains(x.AuditId)).ExecuteUpdateAsync(u => u.SetProperty(x => x.Comment, ""), cancellationToken);
        return await db.Set<CaseFileAudit>().Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(u => u.SetProperty(a => a.CaseReference, "").SetProperty(a => a.Summary, ""), cancellationToken);
    }

    private async Task<string> IroName(Guid id, CancellationToken cancellationToken) => (await staff.FindAsync(id, cancellationToken))?.DisplayName ?? "A former IRO";
}
