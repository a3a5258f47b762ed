using IroPortal.Contributions.Models;
using IroPortal.Disputes.Models;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Notifications.Models;
using IroPortal.QualityAssurance.Models;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.DataProtection.Tests;

/// <summary>One child's records in every module that keeps any, written as each module keeps them, dated
/// <see cref="Day"/>: a case reference in an observation, an audit, a dispute, a child's feedback words and a
/// contribution; a parent's email address on a feedback link and an email in the outbox. The child's identifier is
/// one of the demo return's.</summary>
public sealed record Seeded(Guid Observation, Guid Audit, Guid Feedback, Guid ParentFeedback, Guid Link, Guid Dispute, Guid Contribution, Guid Email, DateOnly Day)
{
    public const string CaseReference = "NM-777001";
    public const string ParentEmail = "jo.parent@example.com";
    /// <summary>A child of the demo's returns (identifiers from 700000) who is in its last year's return only, by the
    /// return's identifier: the portal keeps only its keyed hash.</summary>
    public static async Task<string> ChildIdentifierAsync(PortalApp app)
    {
        var keys = app.Services.GetRequiredService<IroPortal.Performance.Services.ChildKeys>();
        var last = ReportingYear.Containing(UkTime.Today(app.Clock)) - 1;
        var onlyLast = (await app.InDatabase(db => db.Set<IroPortal.Performance.Models.CareChild>().Where(c => c.YearStart > 0).GroupBy(c => c.ChildKey)
            .Where(g => g.Count() == 1 && g.Max(c => c.YearStart) == last).Select(g => g.Key).ToListAsync())).ToHashSet();
        return Enumerable.Range(700000, 5000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).First(i => onlyLast.Contains(keys.Of(i)));
    }

    public static async Task<Seeded> AddAsync(PortalApp app, DateOnly day)
    {
        var iro = (await app.InScope<IStaffDirectory, IReadOnlyList<StaffMember>>(s => s.InRoleAsync(PortalRoles.Iro))).First();
        var now = UkTime.StartOfDayUtc(day).AddHours(12);
        var ids = Enumerable.Range(0, 8).Select(_ => Guid.CreateVersion7()).ToArray();
        await app.InDatabase(async db =>
        {
            db.Add(new Observation
            {
                Id = ids[0], IroId = iro.Id, ObservedOn = day, CaseReference = CaseReference, ReviewDescription = "Second review, at the foster home",
                OverallGrade = Grade.Good, Strengths = "Met the child alone first.", AreasForDevelopment = "Send the record sooner.", IroReflection = "Agreed.",
                Status = RecordStatus.SignedOff, ObserverId = iro.Id, ObserverName = "Test Manager", CreatedUtc = now, Version = Guid.NewGuid(),
                Grades = [new ObservationGrade { ObservationId = ids[0], Standard = ObservationStandard.MeetingTheChild, Grade = Grade.Outstanding, Evidence = "Saw the child before the meeting." }],
            });
            var questions = await db.Set<AuditQuestion>().OrderBy(q => q.Position).Take(2).ToListAsync();
            db.Add(new CaseFileAudit
            {
                Id = ids[1], IroId = iro.Id, AuditedOn = day, CaseReference = CaseReference, QuestionSetId = questions[0].QuestionSetId, OverallGrade = Grade.RequiresImprovement,
                Summary = "Plan not updated after the review.", AuditorId = iro.Id, AuditorName = "Test Manager", CreatedUtc = now,
                Answers = questions.Select(q => new AuditAnswer { AuditId = ids[1], QuestionId = q.Id, Answer = AuditAnswerValue.Partly, Comment = "See the case notes." }).ToList(),
            });
            db.Add(new FeedbackResponse
            {
                Id = ids[2], IroId = iro.Id, RespondentType = QaActivity.ChildFeedback, ReceivedOn = day, Channel = FeedbackChannel.Paper, EnteredByName = "Test Manager", CreatedUtc = now,
                Answers =
                [
                    new FeedbackAnswer { ResponseId = ids[2], QuestionKey = "child-listened", Rating = 1 },
                    new FeedbackAnswer { ResponseId = ids[2], QuestionKey = "child-tell-us", Text = $"My case number is {CaseReference} and I want to see my brother." },
                ],
            });
            db.Add(new FeedbackRequest
            {
                Id = ids[3], TokenHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), RespondentType = QaActivity.ParentCarerFeedback, IroId = iro.Id, RespondentEmail = ParentEmail,
                RequestedById = iro.Id, RequestedByName = "Test Manager", CreatedUtc = now, ExpiresUtc = now.AddDays(28), AnsweredUtc = now.AddDays(2),
            });
            db.Add(new FeedbackResponse
            {
                Id = ids[4], RequestId = ids[3], IroId = iro.Id, RespondentType = QaActivity.ParentCarerFeedback, ReceivedOn = day, Channel = FeedbackChannel.Online, CreatedUtc = now.AddDays(2),
                Answers = [new FeedbackAnswer { ResponseId = ids[4], QuestionKey = "pc-listened", Rating = 2 }, new FeedbackAnswer { ResponseId = ids[4], QuestionKey = "pc-better", Text = "Send the minutes sooner." }],
            });
            var stage = await db.Set<DisputeStage>().OrderBy(s => s.Position).FirstAsync();
            db.Add(new Escalation
            {
                Id = ids[5], IroId = iro.Id, IroName = iro.DisplayName, CaseReference = CaseReference, Category = "drift", Summary = "The plan has drifted.", OpenedOn = day, ResolvedOn = day.AddDays(3), CreatedUtc = now,
                Steps = [new EscalationStep { Id = Guid.CreateVersion7(), EscalationId = ids[5], Number = 1, Kind = stage.Kind, StageName = stage.Name, StagePosition = stage.Position, RaisedWith = "Team manager", RaisedOn = day, RespondedOn = day.AddDays(3), Outcome = StepOutcome.Resolved, Note = "Agreed a new date." }],
            });
            var round = new ContributionRound { Id = Guid.CreateVersion7(), YearStart = ReportingYear.Containing(day), Deadline = day.AddDays(30), OpenedById = iro.Id, OpenedByName = "Test Manager", OpenedUtc = now };
            round.Contributions.Add(new Contribution { Id = ids[6], RoundId = round.Id, IroId = iro.Id, IroName = iro.DisplayName, Status = ContributionStatus.Submitted, Caseload = 60,
                Themes = $"Drift in permanence, as in {CaseReference}.", UpdatedUtc = now, SubmittedUtc = now, Version = Guid.NewGuid() });
            db.Add(round);
            db.Add(new OutboxMessage
            {
                Id = ids[7], IdempotencyKey = "test-" + ids[7], ToAddress = ParentEmail, ToName = "", Subject = "Tell us about the review", TextBody = "Open https://portal.example/feedback/abcdefghijklmnopqrstuvwxyz0123456789 to answer.",
                HtmlBody = "", CreatedUtc = now, Status = OutboxStatus.Sent, SentUtc = now, NextAttemptUtc = now,
            });
            return await db.SaveChangesAsync();
        });
        return new Seeded(ids[0], ids[1], ids[2], ids[4], ids[3], ids[5], ids[6], ids[7], day);
    }
}
