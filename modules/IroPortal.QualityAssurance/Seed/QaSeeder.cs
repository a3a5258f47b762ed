using IroPortal.Data;
using IroPortal.Data.Seeding;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.QualityAssurance.Seed;

/// <summary>Always: the default standards and the first audit question set. For the demo: a year and a half
/// of quality assurance with the gaps the national survey found (guardians rarely asked, some IROs never observed).</summary>
internal sealed class QaSeeder(PortalDbContext db, IStaffDirectory staff, TimeProvider clock) : IPortalSeeder
{
    public static readonly IReadOnlyList<string> DefaultAuditQuestions =
    [
        "The IRO read the child's file, plans and reports before the review",
        "The IRO consulted the child before the review, in a way that suits their age and understanding",
        "The child's wishes and feelings are recorded in the review record",
        "The care plan rests on up-to-date assessments and meets the child's needs",
        "Drift or delay was identified and challenged",
        "Review decisions are specific, with named people and timescales",
        "The review record was sent out within 20 working days",
        "Decisions from the last review were followed up",
        "The IRO monitored the child's case between reviews",
        "The child knows about advocacy and how to complain",
    ];

    public int Order => 10;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.Set<QaStandard>().AnyAsync(cancellationToken))
        {
            // The demo council has kept these standards since the start of last year; a new council from today.
            var from = context.Demo ? ReportingYear.Start(ReportingYear.Containing(today) - 1) : today;
            db.AddRange(QaText.Activities.Select(a => new QaStandard
            {
                Id = Guid.CreateVersion7(), Activity = a, IntervalMonths = OverdueRules.DefaultIntervalMonths, EffectiveFrom = from,
                SetBy = "Default: at least every two months, the national survey's measure", SetUtc = now,
            }));
        }
        if (!await db.Set<AuditQuestionSet>().AnyAsync(cancellationToken))
        {
            var set = new AuditQuestionSet { Id = Guid.CreateVersion7(), Number = 1, CreatedUtc = now, CreatedBy = "Default questions" };
            set.Questions.AddRange(DefaultAuditQuestions.Select((text, i) => new AuditQuestion { Id = Guid.CreateVersion7(), Position = i + 1, Text = text }));
            db.Add(set);
        }
        await db.SaveChangesAsync(cancellationToken);

        if (context.Demo && !await db.Set<Observation>().AnyAsync(cancellationToken))
            await SeedDemoAsync(today, now, cancellationToken);
    }

    private async Task SeedDemoAsync(DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        var iros = await staff.InRoleAsync(PortalRoles.Iro, cancellationToken);
        var manager = (await staff.InRoleAsync(PortalRoles.IroManager, cancellationToken)).FirstOrDefault();
        if (iros.Count == 0 || manager is null) return;
        var questions = await db.Set<AuditQuestion>().OrderBy(q => q.Position).ToListAsync(cancellationToken);
        var random = new Random(2013);
        var start = ReportingYear.Start(ReportingYear.Containing(today) - 1);
        string CaseReference() => $"NM-{random.Next(10000, 99999)}";
        Grade SomeGrade() => random.Next(10) switch { 0 => Grade.Outstanding, < 7 => Grade.Good, < 9 => Grade.RequiresImprovement, _ => Grade.Inadequate };

        // How often each activity happened for each IRO, in days (0: never). Row order follows the IROs.
        int[][] every =
        [
            // observation, audit, children, parents/carers, professionals, agencies, guardians/courts
            [100, 30, 45, 60, 40, 120, 200],
            [120, 35, 50, 90, 45, 0, 0],
            [0, 30, 60, 0, 50, 180, 0],
            [160, 40, 45, 75, 60, 0, 0],
            [0, 45, 90, 120, 70, 0, 0],
            [140, 30, 40, 60, 40, 150, 0],
            [0, 60, 0, 0, 90, 0, 0],
            [200, 35, 55, 80, 45, 0, 300],
        ];

        for (var i = 0; i < iros.Count; i++)
        {
            var iro = iros[i];
            var plan = every[i % every.Length];
            foreach (var (activity, days) in QaText.Activities.Zip(plan))
            {
                if (days == 0) continue;
                for (var day = start.AddDays(random.Next(5, days)); day <= today; day = day.AddDays(days + random.Next(-days / 5, days / 5 + 1)))
                {
                    switch (activity)
                    {
                        case QaActivity.Observation:
                            AddObservation(iro, manager, day, CaseReference(), SomeGrade(), random, today, now);
                            break;
                        case QaActivity.CaseFileAudit:
                            AddAudit(iro, manager, day, CaseReference(), SomeGrade(), questions, random, now);
                            break;
                        default:
                            AddFeedback(iro, activity, day, random, now);
                            break;
                    }
                }
            }
            // A link or two still waiting for an answer, and one that ran out.
            AddLink(iro, QaActivity.ChildFeedback, manager, now.AddDays(-3), answered: false);
            if (i % 3 == 0) AddLink(iro, QaActivity.GuardianCourtFeedback, manager, now.AddDays(-40), answered: false);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly string[] Strengths =
    [
        "Met the young person at their placement the week before and agreed how they wanted the meeting to run.",
        "Kept the meeting focused on the child; everyone was clear what the plan is for.",
        "Gave the young person time to speak first and checked they understood each decision.",
    ];

    private static readonly string[] Developments =
    [
        "The review record went out after 25 working days; aim for 20.",
        "Challenge of the delay in the permanence assessment could have been firmer and recorded.",
        "Explain advocacy and how to complain to the child at every review, not only the first.",
    ];

    private void AddObservation(StaffMember iro, StaffMember manager, DateOnly day, string caseReference, Grade overall, Random random, DateOnly today, DateTime now)
    {
        var observation = new Observation
        {
            Id = Guid.CreateVersion7(), IroId = iro.Id, ObservedOn = day, CaseReference = caseReference,
            ReviewDescription = random.Next(2) == 0 ? "Second review, foster placement" : "Six-monthly review, residential home",
            OverallGrade = overall, Strengths = Strengths[random.Next(Strengths.Length)], AreasForDevelopment = Developments[random.Next(Developments.Length)],
            ObserverId = manager.Id, ObserverName = manager.DisplayName, CreatedUtc = now, Version = Guid.NewGuid(),
            Status = day < today.AddDays(-30) ? RecordStatus.SignedOff : RecordStatus.WithIro,
        };
        if (observation.Status == RecordStatus.SignedOff)
        {
            observation.IroReflection = "I agree. I will book the pre-meeting visit earlier and send the record sooner.";
            observation.AcknowledgedUtc = observation.SignedOffUtc = now;
        }
        observation.Grades.AddRange(Enum.GetValues<ObservationStandard>().Select(s => new ObservationGrade
        {
            Standard = s, Grade = random.Next(4) == 0 ? Grade.RequiresImprovement : overall == Grade.Inadequate ? Grade.RequiresImprovement : overall,
            Evidence = "Seen in the meeting and in the review record.",
        }));
        db.Add(observation);
        db.Add(new QaAction
        {
            Id = Guid.CreateVersion7(), IroId = iro.Id, Source = ActionSource.Observation, SourceId = observation.Id,
            Description = observation.AreasForDevelopment, DueOn = day.AddMonths(2), CreatedUtc = now, Version = Guid.NewGuid(),
            CompletedOn = day.AddMonths(2) < today && random.Next(3) > 0 ? day.AddMonths(1) : null,
            CompletionNote = "",
        });
    }

    private void AddAudit(StaffMember iro, StaffMember manager, DateOnly day, string caseReference, Grade overall, List<AuditQuestion> questions, Random random, DateTime now)
    {
        var audit = new CaseFileAudit
        {
            Id = Guid.CreateVersion7(), IroId = iro.Id, AuditedOn = day, CaseReference = caseReference, QuestionSetId = questions[0].QuestionSetId,
            OverallGrade = overall, Summary = overall <= Grade.Good ? "A clear record; the child's voice comes through." : "Decisions lack timescales; drift not challenged in writing.",
            AuditorId = manager.Id, AuditorName = manager.DisplayName, CreatedUtc = now,
        };
        audit.Answers.AddRange(questions.Select(q => new AuditAnswer
        {
            QuestionId = q.Id, Answer = random.Next(6) switch { 0 => AuditAnswerValue.Partly, 1 => AuditAnswerValue.No, _ => AuditAnswerValue.Yes }, Comment = "",
        }));
        db.Add(audit);
    }

    private void AddFeedback(StaffMember iro, QaActivity type, DateOnly day, Random random, DateTime now)
    {
        var response = new FeedbackResponse
        {
            Id = Guid.CreateVersion7(), IroId = iro.Id, RespondentType = type, ReceivedOn = day, ReviewDate = day.AddDays(-random.Next(3, 20)),
            Channel = random.Next(4) == 0 ? FeedbackChannel.Paper : FeedbackChannel.Online, CreatedUtc = now,
        };
        response.Answers.AddRange(FeedbackForms.For(type).Select(q => new FeedbackAnswer
        {
            QuestionKey = q.Key,
            Rating = q.IsRating ? Math.Clamp(4 + random.Next(-2, 2), 1, 5) : null,
            Text = q.IsRating ? null : random.Next(3) == 0 ? "The meeting was at a good time and I was listened to." : null,
        }));
        db.Add(response);
    }

    private void AddLink(StaffMember iro, QaActivity type, StaffMember manager, DateTime createdUtc, bool answered) =>
        db.Add(new FeedbackRequest
        {
            Id = Guid.CreateVersion7(), TokenHash = FeedbackLinks.Create().Hash, RespondentType = type, IroId = iro.Id,
            RequestedById = manager.Id, RequestedByName = manager.DisplayName, CreatedUtc = createdUtc,
            ExpiresUtc = createdUtc + FeedbackLinks.DefaultLifetime, AnsweredUtc = answered ? createdUtc.AddDays(2) : null,
        });
}
