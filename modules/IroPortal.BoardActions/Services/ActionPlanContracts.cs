using System.Net;
using System.Text;
using IroPortal.AnnualReport.Contracts;
using IroPortal.BoardActions.Models;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Publishing.Contracts;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.BoardActions.Services;

/// <summary>The board's actions on a report, for next year's "progress on last year's priorities".</summary>
internal sealed class CarriedBoardActions(ActionPlanService plans) : ICarriedActions
{
    public async Task<IReadOnlyList<CarriedAction>> OnReportAsync(int yearStart, CancellationToken cancellationToken = default) =>
        (await plans.ForYearAsync(yearStart, cancellationToken)).Select(a => new CarriedAction(a.Id, a.What, a.OwnerName, a.Due,
            ActionStates.Describe(a, plans.Today), a.SectionTitle,
            a.Updates.Where(u => u.Text.Length > 0).OrderBy(u => u.PostedUtc).Select(u => new CarriedActionUpdate(u.PostedUtc, u.ByName, u.Text)).ToList())).ToList();
}

/// <summary>When the manager chooses, the public report shows what the board asked for and how far each has got:
/// the actions' words and states, never owners' updates (they are written for the board). The privacy guard reads
/// the words each time; if it finds anything, the summary is not shown.</summary>
public sealed class PublicActionSummary(PortalDbContext db, ActionPlanService plans, IBoardReports board, IPublicPrivacyGuard guard) : IPublicReportAddition
{
    public const string Anchor = "board-actions";
    public const string Title = "What the board asked for, and progress";

    public async Task<PublicAddition?> ForYearAsync(int yearStart, CancellationToken cancellationToken = default)
    {
        if (await plans.PlanAsync(yearStart) is not { ShowOnPublicReport: true }) return null;
        var actions = await plans.ForYearAsync(yearStart, cancellationToken);
        if (actions.Count == 0) return null;
        var html = await HtmlAsync(yearStart, actions, cancellationToken);
        return (await guard.CheckHtmlAsync(Title, html, cancellationToken)).Count > 0 ? null : new PublicAddition(Anchor, Title, html);
    }

    /// <summary>What the privacy guard finds in the summary as it would be published, which keeps it off the public report.</summary>
    public async Task<IReadOnlyList<PrivacyProblem>> ProblemsAsync(IReadOnlyList<BoardAction> actions, CancellationToken cancellationToken = default) =>
        actions.Count == 0 ? [] : await guard.CheckHtmlAsync(Title, await HtmlAsync(actions[0].YearStart, actions, cancellationToken), cancellationToken);

    private async Task<string> HtmlAsync(int yearStart, IReadOnlyList<BoardAction> actions, CancellationToken cancellationToken)
    {
        var today = plans.Today;
        var resolution = await board.ResolutionAsync(yearStart, cancellationToken);
        var states = actions.CountBy(a => ActionStates.Of(a, today)).ToDictionary();
        var html = new StringBuilder();
        html.Append("<p class=\"govuk-body\">")
            .Append(WebUtility.HtmlEncode(resolution is null ? "The corporate parenting board agreed " : $"The corporate parenting board considered this report on {UkTime.Format(resolution.MeetingDate)} and agreed "))
            .Append(actions.Count).Append(actions.Count == 1 ? " action" : " actions")
            .Append(". On ").Append(WebUtility.HtmlEncode(UkTime.Format(today))).Append(": ")
            .Append(states.GetValueOrDefault(ActionState.Done)).Append(" done, ")
            .Append(states.GetValueOrDefault(ActionState.Open)).Append(" in progress, ")
            .Append(states.GetValueOrDefault(ActionState.Overdue)).Append(" overdue.</p>");
        html.Append("<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">The board's actions</caption>")
            .Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Action</th>")
            .Append("<th scope=\"col\" class=\"govuk-table__header\">Due</th><th scope=\"col\" class=\"govuk-table__header\">Progress</th></tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var action in actions)
        {
            var state = ActionStates.Of(action, today);
            html.Append("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">").Append(WebUtility.HtmlEncode(action.What))
                .Append("</td><td class=\"govuk-table__cell\">").Append(WebUtility.HtmlEncode(UkTime.Format(action.Due)))
                .Append("</td><td class=\"govuk-table__cell\"><strong class=\"govuk-tag ").Append(ActionStates.Tag(state)).Append("\">")
                .Append(ActionStates.Name(state)).Append("</strong>")
                .Append(action.DoneOn is { } done ? " " + WebUtility.HtmlEncode(UkTime.Format(done)) : "").Append("</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    // The day is part of it: "overdue" arrives by itself at midnight.
    public async Task<string> StampAsync(CancellationToken cancellationToken = default)
    {
        var shown = db.Set<ActionPlan>().Where(p => p.ShowOnPublicReport).Select(p => p.YearStart);
        var revisions = await db.Set<BoardAction>().Where(a => shown.Contains(a.YearStart)).SumAsync(a => a.Revision, cancellationToken);
        var plansChanged = await db.Set<ActionPlan>().Select(p => (DateTime?)p.ChangedUtc).MaxAsync(cancellationToken);
        return $"{plans.Today:yyyyMMdd}-{revisions}-{plansChanged?.Ticks}";
    }
}
