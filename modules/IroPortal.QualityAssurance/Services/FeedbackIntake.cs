using IroPortal.Data;
using IroPortal.Modularity.Scheduling;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Safeguarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.QualityAssurance.Services;

/// <summary>Every piece of feedback is stored here, however it came: through a link, started by a child, or typed in
/// from paper. Its words are checked for harm as it is stored, and the duty managers are told at once.</summary>
public sealed class FeedbackIntake(PortalDbContext db, SafeguardingService safeguarding, IServiceProvider services, TimeProvider clock)
{
    /// <param name="request">The single-use link it came through, marked answered in the same save.</param>
    /// <returns>Whether it was stored (false: the same link's answers were stored a moment ago) and whether it is urgent.</returns>
    public async Task<(bool Stored, bool Urgent)> ReceiveAsync(FeedbackResponse response, FeedbackRequest? request = null, CancellationToken cancellationToken = default)
    {
        if (request is not null)
        {
            request.AnsweredUtc = clock.GetUtcNow().UtcDateTime;
            request.ProtectedToken = null; // answered: no reminder, so the link need not be kept
        }
        db.Add(response);
        var concern = await safeguarding.RaiseIfNeededAsync(response, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (request is not null)
        {
            // The same form sent twice at once: the link's unique response means only one was stored.
            db.ChangeTracker.Clear();
            return (false, false);
        }
        if (concern is not null)
            await (services.GetService<IJobTrigger>()?.RunSoonAsync(UrgentMessageAlerts.RuleKey, cancellationToken) ?? Task.CompletedTask);
        return (true, concern is not null);
    }
}
