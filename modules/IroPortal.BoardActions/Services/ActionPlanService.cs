using IroPortal.BoardActions.Models;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Publishing.Contracts;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.BoardActions.Services;

public enum ActionState { Open, Overdue, Done }

/// <summary>An action is open until someone marks it done; it becomes overdue by itself the day after its due date.</summary>
public static class ActionStates
{
    public static ActionState Of(BoardAction action, DateOnly today) =>
        action.DoneOn is not null ? ActionState.Done : today > action.Due ? ActionState.Overdue : ActionState.Open;

    public static string Name(ActionState state) => state switch
    {
        ActionState.Overdue => "Overdue",
        ActionState.Done => "Done",
        _ => "Open",
    };

    public static string Tag(ActionState state) => state switch
    {
        ActionState.Overdue => "govuk-tag--red",
        ActionState.Done => "govuk-tag--green",
        _ => "govuk-tag--blue",
    };

    /// <summary>"Done on 3 March 2026", "Overdue: it was due on 30 June 2026", "Open, due 30 June 2026".</summary>
    public static string Describe(BoardAction action, DateOnly today) => Of(action, today) switch
    {
        ActionState.Done => $"Done on {UkTime.Format(action.DoneOn!.Value)}",
        ActionState.Overdue => $"Overdue: it was due on {UkTime.Format(action.Due)}",
        _ => $"Open, due {UkTime.Format(action.Due)}",
    };
}

/// <summary>What a person entered for an action, checked.</summary>
public sealed record ActionDetails(string What, StaffMember Owner, DateOnly Due, BoardSection? Section);

/// <summary>Every change to the action plan goes through here, so every change is in the action's history.</summary>
public sealed class ActionPlanService(PortalDbContext db, IPublicPages publicPages, IAuditTrail audit, TimeProvider clock)
{
    public const int MaxWhat = 1000;
    public const int MaxText = 4000;

    public DateOnly Today => UkTime.Today(clock);

    public async Task<IReadOnlyList<BoardAction>> ForYearAsync(int yearStart, CancellationToken cancellationToken = default) =>
        await db.Set<BoardAction>().AsNoTracking().Include(a => a.Updates).Where(a => a.YearStart == yearStart)
            .OrderBy(a => a.Position).ToListAsync(cancellationToken);

    /// <summary>Actions of every year, or only those one person owns, with their histories.</summary>
    public async Task<IReadOnlyList<BoardAction>> AllAsync(Guid? ownerId = null)
    {
        var query = db.Set<BoardAction>().AsNoTracking().Include(a => a.Updates).AsQueryable();
        if (ownerId is { } owner) query = query.Where(a => a.OwnerId == owner);
        return await query.OrderByDescending(a => a.YearStart).ThenBy(a => a.Position).ToListAsync();
    }

    public Task<BoardAction?> FindAsync(Guid id) => db.Set<BoardAction>().Include(a => a.Updates).SingleOrDefaultAsync(a => a.Id == id);

    public Task<ActionPlan?> PlanAsync(int yearStart) => db.Set<ActionPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.YearStart == yearStart);

    public async Task<BoardAction> AddAsync(int yearStart, ActionDetails details, string by)
    {
        var position = await db.Set<BoardAction>().Where(a => a.YearStart == yearStart).Select(a => (int?)a.Position).MaxAsync() ?? -1;
        var action = new BoardAction
        {
            Id = Guid.CreateVersion7(), YearStart = yearStart, Position = position + 1, CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedByName = by,
        };
        Apply(action, details);
        action.Updates.Add(Entry(action, by, "", $"Recorded from the board's resolution; owner {details.Owner.DisplayName}, due {UkTime.Format(details.Due)}"));
        db.Add(action);
        await SaveAsync(action);
        await audit.RecordAsync("Board action recorded", $"{ReportingYear.Name(yearStart)}: {action.What}");
        return action;
    }

    /// <returns>False when someone else changed the action since the form was opened: nothing was saved.</returns>
    public async Task<bool> ChangeAsync(BoardAction action, int revision, ActionDetails details, string by)
    {
        if (action.Revision != revision) return false;
        var changes = new List<string>();
        if (action.What != details.What) changes.Add("Reworded");
        if (action.OwnerId != details.Owner.Id) changes.Add($"Owner changed from {action.OwnerName} to {details.Owner.DisplayName}");
        if (action.Due != details.Due) changes.Add($"Due date moved from {UkTime.Format(action.Due)} to {UkTime.Format(details.Due)}");
        if (action.SectionAnchor != details.Section?.Anchor) changes.Add(details.Section is null ? "No longer linked to a section" : $"Linked to \u201c{details.Section.Title}\u201d");
        if (changes.Count == 0) return true;
        Apply(action, details);
        Add(action, Entry(action, by, "", string.Join("; ", changes)));
        return await SaveAsync(action);
    }

    /// <summary>An owner's update, which may also mark the action done or open it again.</summary>
    /// <returns>False when someone else changed the action since the form was opened: nothing was saved.</returns>
    public async Task<bool> UpdateAsync(BoardAction action, int revision, string text, bool? done, string by)
    {
        if (action.Revision != revision) return false;
        var change = "";
        if (done == true && action.DoneOn is null)
        {
            action.DoneOn = Today;
            change = "Marked done";
        }
        else if (done == false && action.DoneOn is not null)
        {
            action.DoneOn = null;
            change = "Opened again";
        }
        if (text.Length == 0 && change.Length == 0) return true;
        Add(action, Entry(action, by, text, change));
        return await SaveAsync(action);
    }

    public async Task ShowOnPublicReportAsync(int yearStart, bool show, string by)
    {
        var plan = await db.Set<ActionPlan>().SingleOrDefaultAsync(p => p.YearStart == yearStart);
        if (plan is null) db.Add(plan = new ActionPlan { Id = Guid.CreateVersion7(), YearStart = yearStart });
        plan.ShowOnPublicReport = show;
        plan.ChangedUtc = clock.GetUtcNow().UtcDateTime;
        plan.ChangedByName = by;
        await db.SaveChangesAsync();
        await publicPages.ChangedAsync();
        await audit.RecordAsync(show ? "Board action plan shown on the public report" : "Board action plan taken off the public report", ReportingYear.Name(yearStart));
    }

    private static void Apply(BoardAction action, ActionDetails details)
    {
        action.What = details.What;
        action.OwnerId = details.Owner.Id;
        action.OwnerName = details.Owner.DisplayName;
        action.Due = details.Due;
        action.SectionAnchor = details.Section?.Anchor;
        action.SectionTitle = details.Section?.Title;
    }

    private ActionUpdate Entry(BoardAction action, string by, string text, string change) => new()
    {
        Id = Guid.CreateVersion7(), ActionId = action.Id, PostedUtc = clock.GetUtcNow().UtcDateTime, ByName = by, Text = text,
        Change = change.Length > 500 ? change[..497] + "..." : change,
    };

    // A new entry on a tracked action must be inserted, not taken for an existing row because its key is set.
    private void Add(BoardAction action, ActionUpdate update)
    {
        action.Updates.Add(update);
        db.Add(update);
    }

    private async Task<bool> SaveAsync(BoardAction action)
    {
        action.Revision++;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        if (await db.Set<ActionPlan>().AnyAsync(p => p.YearStart == action.YearStart && p.ShowOnPublicReport))
            await publicPages.ChangedAsync();
        return true;
    }
}
