using IroPortal.Data;
using IroPortal.QualityAssurance.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.QualityAssurance.Services;

/// <summary>What the manager reads of feedback, and the single-use links that ask for it. Feedback itself is stored by
/// <see cref="FeedbackIntake"/>.</summary>
public sealed class FeedbackRecords(PortalDbContext db)
{
    /// <summary>The latest responses, the links not yet answered, and the urgent concern each response raised.</summary>
    public async Task<(IReadOnlyList<FeedbackResponse> Responses, IReadOnlyList<FeedbackRequest> OpenLinks, IReadOnlyDictionary<Guid, Guid> Urgent)> LatestAsync(int count = 100)
    {
        var responses = await db.Set<FeedbackResponse>().AsNoTracking().OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.CreatedUtc).Take(count).ToListAsync();
        var links = await db.Set<FeedbackRequest>().AsNoTracking().Where(r => r.AnsweredUtc == null).OrderByDescending(r => r.CreatedUtc).Take(count).ToListAsync();
        var ids = responses.Select(r => r.Id).ToList();
        var urgent = (await db.Set<UrgentConcern>().AsNoTracking().Where(c => ids.Contains(c.ResponseId)).Select(c => new { c.ResponseId, c.Id }).ToListAsync())
            .ToDictionary(c => c.ResponseId, c => c.Id);
        return (responses, links, urgent);
    }

    /// <summary>A response with its answers, and the urgent concern it raised, if any.</summary>
    public async Task<(FeedbackResponse Response, Guid? UrgentId)?> FindAsync(Guid id)
    {
        var response = await db.Set<FeedbackResponse>().AsNoTracking().Include(r => r.Answers).SingleOrDefaultAsync(r => r.Id == id);
        if (response is null) return null;
        return (response, await db.Set<UrgentConcern>().Where(c => c.ResponseId == id).Select(c => (Guid?)c.Id).SingleOrDefaultAsync());
    }

    /// <summary>The link a token opens, tracked: storing its answers marks it answered.</summary>
    public Task<FeedbackRequest?> LinkAsync(string token) =>
        token.Length is > 20 and < 100 && FeedbackLinks.Hash(token) is var hash
            ? db.Set<FeedbackRequest>().SingleOrDefaultAsync(r => r.TokenHash == hash)
            : Task.FromResult<FeedbackRequest?>(null);

    public async Task AddLinkAsync(FeedbackRequest request)
    {
        db.Add(request);
        await db.SaveChangesAsync();
    }
}
