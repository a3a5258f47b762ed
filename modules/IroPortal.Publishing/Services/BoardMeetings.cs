using IroPortal.Data;
using IroPortal.Publishing.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Publishing.Services;

/// <summary>The board's side of a published report: its versions, the members' questions and the manager's answers,
/// and the board's resolution.</summary>
public sealed class BoardMeetings(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Every board version published: year, number, meeting and when.</summary>
    public async Task<IReadOnlyList<(int YearStart, int Number, DateOnly? MeetingDate, DateTime PublishedUtc)>> ReleasesAsync() =>
        (await db.Set<Release>().AsNoTracking().Where(r => r.Audience == Audience.Board)
            .Select(r => new { r.YearStart, r.Number, r.MeetingDate, r.PublishedUtc }).ToListAsync())
        .Select(r => (r.YearStart, r.Number, r.MeetingDate, r.PublishedUtc)).ToList();

    public async Task<IReadOnlyDictionary<int, BoardResolution>> ResolutionsAsync() =>
        await db.Set<BoardResolution>().AsNoTracking().ToDictionaryAsync(r => r.YearStart);

    /// <summary>The latest board version of the year, or null before one is published.</summary>
    public Task<Release?> LatestAsync(int year) =>
        db.Set<Release>().AsNoTracking().Where(r => r.YearStart == year && r.Audience == Audience.Board).OrderByDescending(r => r.Number).FirstOrDefaultAsync();

    public async Task<IReadOnlyList<BoardQuestion>> QuestionsAsync(int year) =>
        (await db.Set<BoardQuestion>().AsNoTracking().Where(q => q.YearStart == year).ToListAsync()).OrderBy(q => q.AskedUtc).ToList();

    public Task<BoardResolution?> ResolutionAsync(int year) =>
        db.Set<BoardResolution>().AsNoTracking().SingleOrDefaultAsync(r => r.YearStart == year);

    public async Task<BoardQuestion> AskAsync(int year, ReleaseSection section, string text, Guid byId, string byName)
    {
        var question = new BoardQuestion
        {
            Id = Guid.CreateVersion7(), YearStart = year, SectionAnchor = section.Anchor, SectionTitle = section.Title, AskedById = byId,
            AskedByName = byName, Text = text, AskedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(question);
        await db.SaveChangesAsync();
        return question;
    }

    public async Task<BoardQuestion?> FindQuestionAsync(int year, Guid id) =>
        await db.Set<BoardQuestion>().AsNoTracking().SingleOrDefaultAsync(q => q.Id == id && q.YearStart == year);

    public async Task AnswerAsync(Guid id, string answer, string by)
    {
        var question = await db.Set<BoardQuestion>().SingleAsync(q => q.Id == id);
        question.Answered(answer, by, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    /// <summary>The resolution as recorded, or null when someone else recorded one at the same moment.</summary>
    public async Task<BoardResolution?> RecordResolutionAsync(int year, DateOnly meetingDate, string outcome, string minute, string by)
    {
        var resolution = await db.Set<BoardResolution>().SingleOrDefaultAsync(r => r.YearStart == year);
        if (resolution is null) db.Add(resolution = new BoardResolution { Id = Guid.CreateVersion7(), YearStart = year });
        resolution.Record(meetingDate, outcome, minute, by, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync();
            return resolution;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return null;
        }
    }
}
