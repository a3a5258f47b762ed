using IroPortal.Data;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.Scheduling;
using IroPortal.Publishing.Contracts;
using IroPortal.Publishing.Models;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Publishing.Services;

/// <summary>The board's side of publishing: members hear of a new board version, managers of a new question,
/// and the member who asked hears of the answer. Run straight after a publication, and every 15 minutes.</summary>
public sealed class BoardReminders(PortalDbContext db, IStaffDirectory staff, LinkGenerator links) : IReminderRule
{
    public const string PublishedKey = "publishing.board";
    private static readonly TimeSpan Window = TimeSpan.FromDays(14);

    public string Key => PublishedKey;
    public string Name => "Board version and questions";
    public string Description => "Tells board members when a board version is published, IRO managers when a member asks a question, and the member when it is answered.";
    public string Schedule => "0 0/15 * * * ?";
    public IReadOnlyList<RuleParameter> Parameters => [];

    public async Task<IReadOnlyList<ReminderOccurrence>> DueAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var since = context.Now.UtcDateTime - Window;
        var due = new List<ReminderOccurrence>();
        var releases = await db.Set<Release>().AsNoTracking().Where(r => r.Audience == Audience.Board && r.PublishedUtc >= since)
            .Select(r => new { r.Id, r.YearStart, r.Number, r.MeetingDate }).ToListAsync(cancellationToken);
        if (releases.Count > 0)
        {
            var members = await staff.InRoleAsync(PortalRoles.BoardMember, cancellationToken);
            foreach (var release in releases)
            {
                var title = $"The IRO annual report {ReportingYear.Name(release.YearStart)} is ready for the board" + (release.Number > 1 ? $" (corrected, version {release.Number})" : "");
                var body = $"The board version is published for the meeting on {UkTime.Format(release.MeetingDate ?? context.Today)}. Read it and ask your questions against each section before the meeting.";
                due.AddRange(members.Select(m => new ReminderOccurrence($"board-release:{release.Id}", "published", ReminderRecipient.User(m.Id), title, body, links.PathTo(PublishingRoutes.BoardRead, new { year = release.YearStart }))));
            }
        }

        var questions = await db.Set<BoardQuestion>().AsNoTracking().Where(q => q.AskedUtc >= since || q.AnsweredUtc >= since).ToListAsync(cancellationToken);
        if (questions.Count > 0)
        {
            var managers = await staff.InRoleAsync(PortalRoles.IroManager, cancellationToken);
            foreach (var question in questions)
            {
                var link = links.PathTo(PublishingRoutes.BoardRead, new { year = question.YearStart }, $"question-{question.Id:N}");
                if (question.AskedUtc >= since)
                    due.AddRange(managers.Select(m => new ReminderOccurrence($"board-question:{question.Id}", "asked", ReminderRecipient.User(m.Id),
                        $"{question.AskedByName} asked a question on \u201c{question.SectionTitle}\u201d", Shorten(question.Text), link)));
                if (question.AnsweredUtc >= since)
                    due.Add(new ReminderOccurrence($"board-question:{question.Id}", "answered", ReminderRecipient.User(question.AskedById),
                        $"Your question on \u201c{question.SectionTitle}\u201d has been answered", Shorten(question.Answer ?? ""), link));
            }
        }
        return due;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..297] + "...";
}
