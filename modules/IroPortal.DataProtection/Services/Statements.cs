using System.Net;
using System.Text;
using IroPortal.Data;
using IroPortal.DataProtection.Models;
using IroPortal.Modularity;
using IroPortal.Modularity.PersonalData;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IroPortal.DataProtection.Services;

/// <summary>A notice or statement the council words: where it is read, and the portal's default.</summary>
public sealed record StatementKind(string Key, string Title, string Path, string Purpose, bool ForChildren);

public sealed record StatementText(StatementKind Kind, string Text, bool IsDefault, DateTime? ChangedUtc, string ChangedBy)
{
    public IHtmlContent Html => PlainText.ToHtml(Text, Kind.ForChildren);
}

/// <summary>The privacy notices and the accessibility statement: the council's own words, or a sensible default.
/// Both may use {council}, {service}, {email}, {phone}, {website} and, for how long things are kept, {feedback-kept},
/// {links-kept}, which follow the retention periods set on the retention page.</summary>
public sealed class Statements(PortalDbContext db, RetentionService retention, IOptions<CouncilOptions> council, IAuditTrail audit, TimeProvider clock)
{
    public const int LongestText = 20_000;

    public static readonly StatementKind ChildrenNotice = new("privacy-children", "How we look after what you tell us", "/privacy/children",
        "Shown on the feedback form for children, before the questions, in the children's layout.", true);
    public static readonly StatementKind AdultsNotice = new("privacy-feedback", "Privacy notice: feedback about a review", "/privacy/feedback",
        "Shown on the feedback form for parents, carers, social workers, partner agencies, guardians and the courts, before the questions.", false);
    public static readonly StatementKind Accessibility = new("accessibility", "Accessibility statement", "/accessibility",
        "The statement the Public Sector Bodies Accessibility Regulations 2018 ask for, linked from every page's footer.", false);

    public static readonly IReadOnlyList<StatementKind> All = [ChildrenNotice, AdultsNotice, Accessibility];

    public static StatementKind? Find(string key) => All.FirstOrDefault(k => k.Key == key);

    // Never in anything the public reads. Dates, postcodes and email addresses are left alone: a statement has its
    // own dates, and the council's address and inboxes belong in a privacy notice.
    private static readonly HashSet<string> NeverPublished =
        [IdentifyingText.NhsKind, IdentifyingText.UpnKind, IdentifyingText.NinoKind, IdentifyingText.CaseReferenceKind];

    /// <summary>What in the words would identify a child, as "a case reference (NM-123456)"; none when there is nothing.</summary>
    public static IReadOnlyList<string> WhatIdentifies(string text) =>
        IdentifyingText.Find(text).Where(f => NeverPublished.Contains(f.Kind)).Select(f => $"{f.Kind} ({f.Text})").Distinct().ToList();

    /// <summary>The words as they are read: placeholders filled in.</summary>
    public async Task<StatementText> ReadAsync(StatementKind kind, CancellationToken cancellationToken = default)
    {
        var stored = await db.Set<Statement>().AsNoTracking().SingleOrDefaultAsync(s => s.Key == kind.Key, cancellationToken);
        var text = await FillAsync(stored?.Text ?? Defaults.For(kind), stored?.ChangedUtc, cancellationToken);
        return new StatementText(kind, text, stored is null, stored?.ChangedUtc, stored?.ChangedBy ?? "");
    }

    /// <summary>The words as they are edited: placeholders left as they are.</summary>
    public async Task<StatementText> ForEditingAsync(StatementKind kind, CancellationToken cancellationToken = default)
    {
        var stored = await db.Set<Statement>().AsNoTracking().SingleOrDefaultAsync(s => s.Key == kind.Key, cancellationToken);
        return new StatementText(kind, stored?.Text ?? Defaults.For(kind), stored is null, stored?.ChangedUtc, stored?.ChangedBy ?? "");
    }

    /// <summary>Saves the council's words; empty words go back to the default.</summary>
    public async Task SaveAsync(StatementKind kind, string text, string by, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<Statement>().SingleOrDefaultAsync(s => s.Key == kind.Key, cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (row is not null) db.Remove(row);
        }
        else
        {
            if (row is null) db.Add(row = new Statement { Key = kind.Key });
            row.Text = text.Replace("\r\n", "\n").Trim();
            row.ChangedBy = by;
            row.ChangedUtc = clock.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditEvents.StatementChanged, string.IsNullOrWhiteSpace(text) ? $"{kind.Title}: back to the portal's default." : $"{kind.Title}: new words.", cancellationToken: cancellationToken);
    }

    private async Task<string> FillAsync(string text, DateTime? changedUtc, CancellationToken cancellationToken)
    {
        var c = council.Value;
        async Task<string> Kept(string key) => (await retention.LineAsync(key, cancellationToken)) is { } line ? Plainly(line.Days) : "as long as the council's retention schedule says";
        var filled = text.Replace("{council}", c.Name).Replace("{service}", c.ServiceName).Replace("{email}", c.ContactEmail)
            .Replace("{phone}", c.ContactPhone).Replace("{website}", c.Website)
            .Replace("{reviewed}", UkTime.Format(UkTime.DateOf(changedUtc ?? Defaults.PreparedUtc))).Replace("{prepared}", UkTime.Format(UkTime.DateOf(Defaults.PreparedUtc)));
        if (filled.Contains("{feedback-kept}", StringComparison.Ordinal)) filled = filled.Replace("{feedback-kept}", await Kept("qa.feedback-answers"));
        if (filled.Contains("{links-kept}", StringComparison.Ordinal)) filled = filled.Replace("{links-kept}", await Kept("qa.feedback-links"));
        return filled;
    }

    /// <summary>"2 years", "3 months": what a child or a parent reads, not a count of days.</summary>
    public static string Plainly(int days)
    {
        if (days >= 365) { var years = (int)Math.Round(days / 365.25); return years == 1 ? "1 year" : $"{years} years"; }
        if (days >= 28) { var months = (int)Math.Round(days / 30.44); return months == 1 ? "1 month" : $"{months} months"; }
        return days == 1 ? "1 day" : $"{days} days";
    }
}

/// <summary>The words as the council writes them: a blank line between paragraphs, "## " before a heading,
/// "- " before each item of a list. Everything else is text, encoded.</summary>
public static class PlainText
{
    public static IHtmlContent ToHtml(string text, bool easyRead)
    {
        var paragraph = easyRead ? "govuk-body app-easy-read" : "govuk-body";
        var list = easyRead ? "govuk-list govuk-list--bullet app-easy-read" : "govuk-list govuk-list--bullet";
        var html = new StringBuilder();
        foreach (var block in text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = block.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            if (lines[0].StartsWith("## ", StringComparison.Ordinal))
            {
                html.Append("<h2 class=\"govuk-heading-m\">").Append(WebUtility.HtmlEncode(lines[0][3..].Trim())).Append("</h2>");
                lines.RemoveAt(0);
            }
            // Runs of "- " lines are a list; any other line is a paragraph of its own.
            for (var i = 0; i < lines.Count; i++)
            {
                if (!lines[i].StartsWith("- ", StringComparison.Ordinal))
                {
                    html.Append("<p class=\"").Append(paragraph).Append("\">").Append(WebUtility.HtmlEncode(lines[i])).Append("</p>");
                    continue;
                }
                html.Append("<ul class=\"").Append(list).Append("\">");
                for (; i < lines.Count && lines[i].StartsWith("- ", StringComparison.Ordinal); i++)
                    html.Append("<li>").Append(WebUtility.HtmlEncode(lines[i][2..].Trim())).Append("</li>");
                html.Append("</ul>");
                i--;
            }
        }
        return new HtmlString(html.ToString());
    }
}
