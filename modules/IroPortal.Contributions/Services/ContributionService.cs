using IroPortal.AnnualReport.Contracts;
using IroPortal.Contributions.Contracts;
using IroPortal.Contributions.Models;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Performance.Contracts;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Contributions.Services;

/// <summary>Opening rounds and moving contributions through draft, submitted, returned and accepted.</summary>
public sealed class ContributionService(PortalDbContext db, IReviewFigures reviewFigures, IStaffDirectory staff, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>Opens a round for the chosen IROs, each contribution's figures taken from the review data
    /// imported for that year where the IRO's name is on the allocation list.</summary>
    public async Task<ContributionRound> OpenRoundAsync(int yearStart, DateOnly deadline, string guidance, IReadOnlyList<StaffMember> iros, StaffMember openedBy)
    {
        var figures = await reviewFigures.ForYearAsync(yearStart);
        var byName = figures.HasData
            ? figures.Iros.GroupBy(i => i.Iro.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase)
            : [];
        var now = clock.GetUtcNow().UtcDateTime;
        var round = new ContributionRound
        {
            Id = Guid.CreateVersion7(), YearStart = yearStart, Deadline = deadline, Guidance = guidance.Trim(),
            OpenedById = openedBy.Id, OpenedByName = openedBy.DisplayName, OpenedUtc = now,
        };
        foreach (var iro in iros)
        {
            var theirs = byName.GetValueOrDefault(iro.DisplayName.Trim());
            round.Contributions.Add(new Contribution
            {
                Id = Guid.CreateVersion7(), RoundId = round.Id, IroId = iro.Id, IroName = iro.DisplayName, Status = ContributionStatus.NotStarted,
                PrefilledCaseload = theirs?.OnYearEnd, PrefilledReviewsChaired = theirs?.ReviewsHeld,
                Caseload = theirs?.OnYearEnd, ReviewsChaired = theirs?.ReviewsHeld, UpdatedUtc = now, Version = Guid.NewGuid(),
            });
        }
        db.Add(round);
        await db.SaveChangesAsync();
        await audit.RecordAsync("Contribution round opened", $"{ReportingYear.Name(yearStart)}: {iros.Count} IROs, deadline {UkTime.Format(deadline)}");
        return round;
    }

    /// <summary>Saves the IRO's form as a draft or submits it. False when someone changed it meanwhile.</summary>
    public async Task<bool> SaveAsync(Contribution contribution, ContributionForm form, bool submit)
    {
        if (!contribution.IroCanEdit) throw new InvalidOperationException($"A contribution that is {contribution.Status} cannot be edited.");
        if (contribution.Version != form.Version) return false;
        form.ApplyTo(contribution);
        var now = clock.GetUtcNow().UtcDateTime;
        if (submit)
        {
            contribution.Status = ContributionStatus.Submitted;
            contribution.SubmittedUtc = now;
        }
        else if (contribution.Status == ContributionStatus.NotStarted)
            contribution.Status = ContributionStatus.Draft;
        contribution.UpdatedUtc = now;
        contribution.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // saved in another window a moment before; the caller keeps this text on the page
        }
        if (submit) await audit.RecordAsync("Contribution submitted", $"{contribution.IroName}, round {contribution.RoundId}");
        return true;
    }

    public Task ReturnAsync(Contribution contribution, string comments, string managerName) =>
        DecideAsync(contribution, ContributionStatus.Returned, c => { c.ManagerComments = comments.Trim(); c.ReturnedUtc = clock.GetUtcNow().UtcDateTime; },
            $"returned to {contribution.IroName} by {managerName}");

    public Task AcceptAsync(Contribution contribution, string managerName) =>
        DecideAsync(contribution, ContributionStatus.Accepted, c => { c.AcceptedUtc = clock.GetUtcNow().UtcDateTime; c.AcceptedByName = managerName; },
            $"from {contribution.IroName} accepted by {managerName}");

    private async Task DecideAsync(Contribution contribution, ContributionStatus to, Action<Contribution> record, string detail)
    {
        if (contribution.Status != ContributionStatus.Submitted)
            throw new InvalidOperationException($"Only a submitted contribution can be accepted or returned; this one is {contribution.Status}.");
        contribution.Status = to;
        record(contribution);
        contribution.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        contribution.Version = Guid.NewGuid();
        await db.SaveChangesAsync();
        await audit.RecordAsync("Contribution " + ContributionQuestions.StatusText(to).ToLowerInvariant(), "Contribution " + detail);
    }

    public async Task<IReadOnlyList<string>> StaffNamesAsync() =>
        (await staff.InRoleAsync(PortalRoles.Iro)).Concat(await staff.InRoleAsync(PortalRoles.IroManager)).Select(s => s.DisplayName).ToList();
}

internal sealed class ContributionSource(PortalDbContext db) : IContributionSource
{
    public async Task<IReadOnlyList<AcceptedContribution>> AcceptedAsync(int yearStart, CancellationToken cancellationToken = default)
    {
        var accepted = await db.Set<Contribution>().AsNoTracking()
            .Where(c => c.Status == ContributionStatus.Accepted && db.Set<ContributionRound>().Any(r => r.Id == c.RoundId && r.YearStart == yearStart))
            .ToListAsync(cancellationToken);
        return accepted.OrderBy(c => c.IroName).Select(c => new AcceptedContribution(c.Id, c.IroName, c.AcceptedUtc!.Value, c.Caseload, c.ReviewsChaired,
            ContributionQuestions.All.Select(q => new ContributionAnswer(q.Heading, q.Read(c))).Where(a => a.Text.Length > 0).ToList())).ToList();
    }
}
