using IroPortal.Data;
using IroPortal.QualityAssurance.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.QualityAssurance.Services;

/// <summary>What the manager found in a case-file audit, checked.</summary>
public sealed record AuditWritten(
    Guid IroId, DateOnly AuditedOn, string CaseReference, Grade OverallGrade, string Summary, IReadOnlyList<AuditAnswer> Answers,
    IReadOnlyList<(string Description, DateOnly DueOn)> Actions);

/// <summary>An audit with the question wording it was answered against.</summary>
public sealed record AuditRead(CaseFileAudit Audit, int QuestionSetNumber, IReadOnlyList<AuditQuestion> Questions);

/// <summary>Case-file audits against a versioned question set: changing a question makes a new version.</summary>
public sealed class AuditService(PortalDbContext db, TimeProvider clock)
{
    public async Task<AuditQuestionSet> CurrentQuestionsAsync() =>
        await db.Set<AuditQuestionSet>().AsNoTracking().Include(s => s.Questions).OrderByDescending(s => s.Number).FirstAsync();

    public async Task<CaseFileAudit> RecordAsync(AuditWritten written, Guid questionSetId, Guid auditorId, string auditorName)
    {
        var audit = new CaseFileAudit
        {
            Id = Guid.CreateVersion7(), IroId = written.IroId, AuditedOn = written.AuditedOn, CaseReference = Modularity.CaseReference.Normalise(written.CaseReference),
            QuestionSetId = questionSetId, OverallGrade = written.OverallGrade, Summary = written.Summary.Trim(),
            AuditorId = auditorId, AuditorName = auditorName, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        audit.Answers.AddRange(written.Answers);
        db.Add(audit);
        QaActions.Add(db, written.Actions, audit.IroId, ActionSource.Audit, audit.Id, clock);
        await db.SaveChangesAsync();
        return audit;
    }

    public async Task<AuditRead?> FindAsync(Guid id)
    {
        var audit = await db.Set<CaseFileAudit>().AsNoTracking().Include(a => a.Answers).SingleOrDefaultAsync(a => a.Id == id);
        if (audit is null) return null;
        var questions = await db.Set<AuditQuestion>().AsNoTracking().Where(q => q.QuestionSetId == audit.QuestionSetId).OrderBy(q => q.Position).ToListAsync();
        var set = await db.Set<AuditQuestionSet>().AsNoTracking().SingleAsync(s => s.Id == audit.QuestionSetId);
        return new AuditRead(audit, set.Number, questions);
    }

    /// <summary>Saves the questions as the next version. Null when they are as they were; throws
    /// <see cref="DbUpdateException"/> when another manager saved a version at the same time (the number is unique).</summary>
    public async Task<AuditQuestionSet?> SaveQuestionsAsync(IReadOnlyList<string> lines, string by)
    {
        var current = await CurrentQuestionsAsync();
        if (lines.SequenceEqual(current.Questions.OrderBy(q => q.Position).Select(q => q.Text))) return null;
        var set = new AuditQuestionSet { Id = Guid.CreateVersion7(), Number = current.Number + 1, CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = by };
        set.Questions.AddRange(lines.Select((text, i) => new AuditQuestion { Id = Guid.CreateVersion7(), Position = i + 1, Text = text }));
        db.Add(set);
        await db.SaveChangesAsync();
        return set;
    }
}
