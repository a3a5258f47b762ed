using IroPortal.AnnualReport.Contracts;
using System.Security.Claims;
using IroPortal.AnnualReport.Models;
using IroPortal.Modularity.Permissions;
using Microsoft.AspNetCore.Html;

namespace IroPortal.AnnualReport.Services;

/// <summary>Who may read a report: the manager always; senior reviewers while it is in review; IROs while
/// it is in review and the manager has shared it. Board and public: nothing here until it is published.</summary>
public sealed class ReportAccess(IPermissionChecker permissions)
{
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, Report report) =>
        await permissions.IsGrantedAsync(user, ReportPermissions.Manage)
        || report.Status == ReportStatus.InReview && await permissions.IsGrantedAsync(user, ReportPermissions.Review)
        || report.Status == ReportStatus.InReview && report.SharedWithIros && await permissions.IsGrantedAsync(user, ReportPermissions.ReadShared);

    public async Task<bool> CanCommentAsync(ClaimsPrincipal user, Report report) =>
        ReportWorkflow.CanComment(report.Status)
        && (await permissions.IsGrantedAsync(user, ReportPermissions.Manage) || await permissions.IsGrantedAsync(user, ReportPermissions.Review));

    public Task<bool> IsManagerAsync(ClaimsPrincipal user) => permissions.IsGrantedAsync(user, ReportPermissions.Manage);
}

/// <summary>A section as readers see it: its words, its figures, and for "progress on last year's
/// priorities" each carried-over priority with its update.</summary>
public static class SectionHtml
{
    public static IHtmlContent Render(Report report, ReportSection section, IReadOnlyDictionary<string, FigureTable> figures)
    {
        var html = new HtmlContentBuilder();
        html.AppendHtml(ReportMarkdown.Render(section.Body, kind => FigureBlocks.Render(figures, kind)));
        if (section.Key == ReportOutline.ProgressLast)
            AppendProgress(html, report.Progress.OrderBy(p => p.Position).Select(p => new CarriedPriority(p.Priority, p.Update, p.Detail)).ToList());
        return html;
    }

    /// <summary>Each carried-over priority with its update, as a summary list.</summary>
    public static void AppendProgress(HtmlContentBuilder html, IReadOnlyList<CarriedPriority> progress)
    {
        if (progress.Count == 0) return;
        html.AppendHtml("<dl class=\"govuk-summary-list\">");
        foreach (var item in progress)
        {
            html.AppendHtml("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">")
                .Append(item.Priority).AppendHtml("</dt><dd class=\"govuk-summary-list__value\">");
            if (item.Detail.Length > 0)
                html.AppendHtml("<p class=\"govuk-body-s app-multiline\">").Append(item.Detail).AppendHtml("</p>");
            html.AppendHtml("<p class=\"govuk-body app-multiline govuk-!-margin-bottom-0\">").Append(item.Update.Length > 0 ? item.Update : "Waiting for an update.").AppendHtml("</p></dd></div>");
        }
        html.AppendHtml("</dl>");
    }

    // The random end of the id: a version 7 id starts with its millisecond, which sections made together share.
    public static string Anchor(ReportSection section) => "section-" + section.Id.ToString("N")[^12..];
}
