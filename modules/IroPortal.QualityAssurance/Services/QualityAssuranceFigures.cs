using IroPortal.Data;
using IroPortal.QualityAssurance.Contracts;
using IroPortal.QualityAssurance.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.QualityAssurance.Services;

internal sealed class QualityAssuranceFigures(PortalDbContext db, ComplianceService compliance) : IQualityAssuranceFigures
{
    /// <summary>The national survey of IRO managers (NCB 2013, table 4.2): never, and at least every two months.</summary>
    private static readonly Dictionary<QaActivity, (double Never, double Regular)> National = new()
    {
        [QaActivity.GuardianCourtFeedback] = (75, 11),
        [QaActivity.PartnerAgencyFeedback] = (41, 36),
        [QaActivity.ParentCarerFeedback] = (41, 30),
        [QaActivity.ProfessionalFeedback] = (24, 50),
        [QaActivity.Observation] = (23, 18),
        [QaActivity.ChildFeedback] = (19, 38),
        [QaActivity.CaseFileAudit] = (3, 72),
    };

    public async Task<QualityAssuranceYear> ForYearAsync(int yearStart, CancellationToken cancellationToken = default)
    {
        var board = await compliance.BoardAsync(yearStart, cancellationToken: cancellationToken);
        var (from, to) = (board.From, board.AsOf);
        var iros = board.Rows.Count;
        bool Regular(IroCompliance row, QaActivity activity) =>
            OverdueRules.DoneRegularly(board.DatesDone(row.Iro.Id, activity), row.TrackedFrom > from ? row.TrackedFrom : from, to);

        var regularByIro = board.Rows.ToDictionary(r => r.Iro.Id, r => QaText.Activities.Count(activity => Regular(r, activity)));

        var activities = QaText.Activities.Select(activity =>
        {
            var never = board.Rows.Count(r => r.TimesInPeriod[activity] == 0);
            var regular = board.Rows.Count(r => Regular(r, activity));
            return new ActivityFigures(activity.Name(), iros, never, regular, Percent(never, iros), Percent(regular, iros),
                board.Rows.Sum(r => r.TimesInPeriod[activity]), National[activity].Never, National[activity].Regular);
        }).ToList();

        var observationGrades = await db.Set<Observation>().Where(o => o.ObservedOn >= from && o.ObservedOn <= to)
            .GroupBy(o => o.OverallGrade).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var auditGrades = await db.Set<CaseFileAudit>().Where(a => a.AuditedOn >= from && a.AuditedOn <= to)
            .GroupBy(a => a.OverallGrade).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var grades = Enum.GetValues<Grade>().Select(g => new GradeFigures(g.Name(),
            observationGrades.SingleOrDefault(x => x.Key == g)?.Count ?? 0, auditGrades.SingleOrDefault(x => x.Key == g)?.Count ?? 0)).ToList();

        var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var sent = await db.Set<FeedbackRequest>().Where(r => r.CreatedUtc >= fromUtc && r.CreatedUtc < toUtc)
            .GroupBy(r => r.RespondentType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var responses = await db.Set<FeedbackResponse>().Where(r => r.ReceivedOn >= from && r.ReceivedOn <= to)
            .Select(r => new { r.RespondentType, Ratings = r.Answers.Where(a => a.Rating != null).Select(a => new { a.QuestionKey, a.Rating }).ToList() })
            .ToListAsync(cancellationToken);
        var feedback = QaText.FeedbackActivities.Select(type =>
        {
            var ofType = responses.Where(r => r.RespondentType == type).ToList();
            var questions = FeedbackForms.For(type).Where(q => q.IsRating).Select(q =>
            {
                var ratings = ofType.SelectMany(r => r.Ratings).Where(a => a.QuestionKey == q.Key).Select(a => a.Rating!.Value).ToList();
                return new FeedbackQuestionFigures(q.Text, ratings.Count, ratings.Count == 0 ? null : Math.Round(ratings.Average(), 1));
            }).ToList();
            return new FeedbackFigures(type.Name(), sent.SingleOrDefault(s => s.Key == type)?.Count ?? 0, ofType.Count, questions);
        }).ToList();

        return new QualityAssuranceYear(yearStart, from, to, iros, activities,
            regularByIro.Values.Count(n => n >= 2), regularByIro.Values.Count(n => n == 0), grades, feedback);
    }

    private static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}
