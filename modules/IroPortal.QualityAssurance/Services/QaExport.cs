using IroPortal.Data;
using IroPortal.QualityAssurance.Models;
using IroPortal.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.QualityAssurance.Services;

/// <summary>The compliance matrix and every record of a reporting year, as an Excel workbook.</summary>
public sealed class QaExport(PortalDbContext db, ComplianceService compliance)
{
    public async Task<byte[]> WorkbookAsync(int year, CancellationToken cancellationToken = default)
    {
        var board = await compliance.BoardAsync(year, cancellationToken: cancellationToken);
        var names = board.Rows.ToDictionary(r => r.Iro.Id, r => r.Iro.DisplayName);
        string Iro(Guid id) => names.GetValueOrDefault(id, "Former IRO");
        var (from, to) = (board.From, board.AsOf);

        using var workbook = new Workbook();
        var matrix = workbook.AddSheet("Compliance");
        matrix.Header(["IRO", .. QaText.Activities.SelectMany(a => new[] { $"{a.ShortName()}: status", $"{a.ShortName()}: last done", $"{a.ShortName()}: due by", $"{a.ShortName()}: times in year" })]);
        foreach (var row in board.Rows)
            matrix.Row([row.Iro.DisplayName, .. row.Statuses.SelectMany(s => new object?[] { s.Label, s.LastDone, s.DueOn, row.TimesInPeriod[s.Activity] })]);

        var records = workbook.AddSheet("Records");
        records.Header("Activity", "IRO", "Date", "Case reference", "Grade or how received", "Strengths or summary", "Areas for development", "IRO's reflection", "Recorded by");
        foreach (var o in await db.Set<Observation>().AsNoTracking().Where(o => o.ObservedOn >= from && o.ObservedOn <= to).OrderBy(o => o.ObservedOn).ToListAsync(cancellationToken))
            records.Row(QaActivity.Observation.Name(), Iro(o.IroId), o.ObservedOn, o.CaseReference, o.OverallGrade.Name(), o.Strengths, o.AreasForDevelopment, o.IroReflection, o.ObserverName);
        foreach (var a in await db.Set<CaseFileAudit>().AsNoTracking().Where(a => a.AuditedOn >= from && a.AuditedOn <= to).OrderBy(a => a.AuditedOn).ToListAsync(cancellationToken))
            records.Row(QaActivity.CaseFileAudit.Name(), Iro(a.IroId), a.AuditedOn, a.CaseReference, a.OverallGrade.Name(), a.Summary, "", "", a.AuditorName);

        var feedback = workbook.AddSheet("Feedback");
        feedback.Header("From", "IRO", "Received", "Review date", "How received", "Question", "Rating (1 to 5)", "Answer");
        var responses = await db.Set<FeedbackResponse>().AsNoTracking().Include(r => r.Answers)
            .Where(r => r.ReceivedOn >= from && r.ReceivedOn <= to).OrderBy(r => r.ReceivedOn).ToListAsync(cancellationToken);
        foreach (var response in responses)
            foreach (var answer in response.Answers)
                feedback.Row(response.RespondentType.ShortName(), Iro(response.IroId), response.ReceivedOn, response.ReviewDate, response.Channel.ToString(),
                    FeedbackForms.QuestionText(response.RespondentType, answer.QuestionKey), answer.Rating, answer.Text);

        var actions = workbook.AddSheet("Actions");
        actions.Header("IRO", "Action", "From", "Due", "Completed", "Note");
        foreach (var action in await db.Set<QaAction>().AsNoTracking().OrderBy(a => a.DueOn).ToListAsync(cancellationToken))
            actions.Row(Iro(action.IroId), action.Description, action.Source.ToString(), action.DueOn, action.CompletedOn, action.CompletionNote);
        return workbook.ToBytes();
    }
}
