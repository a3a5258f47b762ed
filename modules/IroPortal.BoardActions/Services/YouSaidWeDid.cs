using System.Net;
using System.Text;
using IroPortal.BoardActions.Models;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Publishing.Contracts;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.BoardActions.Services;

/// <summary>A theme as the manager wrote it, with the actions linked to it.</summary>
public sealed record ThemeWithActions(ChildrensTheme Theme, IReadOnlyList<BoardAction> Actions);

/// <summary>"You said, we did": what children told us, in the manager's words, linked to the board's actions, shown
/// on the children's summary in Easy Read with each action's progress in plain words. Live, like the public action
/// summary: progress changes as actions are done. The privacy guard reads it every time; anything it finds keeps it
/// off the page until the manager deals with it.</summary>
public sealed class YouSaidWeDid(PortalDbContext db, ActionPlanService plans, IPublicPrivacyGuard guard, IPublicPages publicPages, TimeProvider clock) : IPublicReportAddition
{
    public const string Anchor = "you-said-we-did";
    public const string Title = "You said, we did";

    public bool ForChildren => true;

    public async Task<IReadOnlyList<ThemeWithActions>> ThemesAsync(int yearStart, CancellationToken cancellationToken = default)
    {
        var themes = await db.Set<ChildrensTheme>().AsNoTracking().Include(t => t.Actions).Where(t => t.YearStart == yearStart).OrderBy(t => t.Position).ToListAsync(cancellationToken);
        var actions = (await plans.ForYearAsync(yearStart, cancellationToken)).ToDictionary(a => a.Id);
        return [.. themes.Select(t => new ThemeWithActions(t, [.. t.Actions.Select(a => actions.GetValueOrDefault(a.ActionId)).OfType<BoardAction>().OrderBy(a => a.Position)]))];
    }

    public async Task AddAsync(int yearStart, string said, IReadOnlyList<Guid> actionIds, string by)
    {
        var position = await db.Set<ChildrensTheme>().Where(t => t.YearStart == yearStart).Select(t => (int?)t.Position).MaxAsync() ?? 0;
        var theme = new ChildrensTheme { Id = Guid.CreateVersion7(), YearStart = yearStart, Position = position + 1, Said = said.Trim(), ChangedUtc = clock.GetUtcNow().UtcDateTime, ChangedByName = by };
        theme.Actions.AddRange(actionIds.Distinct().Select(id => new ChildrensThemeAction { ThemeId = theme.Id, ActionId = id }));
        db.Add(theme);
        await db.SaveChangesAsync();
        await publicPages.ChangedAsync();
    }

    public async Task<bool> RemoveAsync(int yearStart, Guid id)
    {
        var removed = await db.Set<ChildrensTheme>().Where(t => t.Id == id && t.YearStart == yearStart).ExecuteDeleteAsync() > 0;
        if (removed) await publicPages.ChangedAsync();
        return removed;
    }

    public async Task<PublicAddition?> ForYearAsync(int yearStart, CancellationToken cancellationToken = default)
    {
        var themes = (await ThemesAsync(yearStart, cancellationToken)).Where(t => t.Actions.Count > 0).ToList();
        if (themes.Count == 0) return null;
        var html = Html(themes, plans.Today);
        return (await guard.CheckHtmlAsync(Title, html, cancellationToken)).Count > 0 ? null : new PublicAddition(Anchor, Title, html);
    }

    /// <summary>What the privacy guard finds in the section as children would read it, which keeps it off their page.</summary>
    public async Task<IReadOnlyList<PrivacyProblem>> ProblemsAsync(IReadOnlyList<ThemeWithActions> themes, CancellationToken cancellationToken = default)
    {
        var shown = themes.Where(t => t.Actions.Count > 0).ToList();
        return shown.Count == 0 ? [] : await guard.CheckHtmlAsync(Title, Html(shown, plans.Today), cancellationToken);
    }

    public static string Html(IReadOnlyList<ThemeWithActions> themes, DateOnly today)
    {
        var html = new StringBuilder();
        foreach (var (theme, actions) in themes)
        {
            html.Append("<div class=\"app-idea\"><img class=\"app-idea__picture\" src=\"/_content/IroPortal.Publishing/pictures/told.svg\" alt=\"Two speech bubbles\" width=\"96\" height=\"96\"><div class=\"app-idea__text\">")
                .Append("<p class=\"govuk-body app-easy-read\"><strong>You said:</strong> ").Append(WebUtility.HtmlEncode(theme.Said)).Append("</p>")
                .Append("<p class=\"govuk-body app-easy-read\"><strong>What we are doing:</strong></p><ul class=\"govuk-list govuk-list--bullet app-easy-read\">");
            foreach (var action in actions)
                html.Append("<li>").Append(WebUtility.HtmlEncode(action.What)).Append("<br><strong>").Append(WebUtility.HtmlEncode(Progress(action, today))).Append("</strong></li>");
            html.Append("</ul></div></div>");
        }
        return html.ToString();
    }

    /// <summary>An action's progress as a child would say it.</summary>
    public static string Progress(BoardAction action, DateOnly today) => ActionStates.Of(action, today) switch
    {
        ActionState.Done => $"Done. We finished this on {UkTime.Format(action.DoneOn!.Value)}.",
        ActionState.Overdue => "Not done yet. It is taking longer than we planned. We are still working on it.",
        _ => $"We are working on it. We plan to finish by {action.Due.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}.",
    };

    // The day is part of it: "taking longer than we planned" arrives by itself at midnight.
    public async Task<string> StampAsync(CancellationToken cancellationToken = default)
    {
        var years = db.Set<ChildrensTheme>().Select(t => t.YearStart);
        var revisions = await db.Set<BoardAction>().Where(a => years.Contains(a.YearStart)).SumAsync(a => a.Revision, cancellationToken);
        var changed = await db.Set<ChildrensTheme>().Select(t => (DateTime?)t.ChangedUtc).MaxAsync(cancellationToken);
        var count = await db.Set<ChildrensTheme>().CountAsync(cancellationToken);
        return $"{plans.Today:yyyyMMdd}-{revisions}-{changed?.Ticks}-{count}";
    }
}
