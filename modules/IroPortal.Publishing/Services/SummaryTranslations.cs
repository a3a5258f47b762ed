using System.Text;
using System.Text.Json;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Publishing.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Publishing.Services;

/// <summary>A piece of the children's summary a translator puts into their language.</summary>
/// <param name="Long">The manager's own words for an idea (up to <see cref="ChildrenSummaryService.MaxText"/>); the
/// others are the page's headings and buttons.</param>
public sealed record SummaryPiece(string Key, string Label, bool Long);

/// <summary>Words on a translated page: the translation's, or the English standing in for a missing one.</summary>
public sealed record PageText(string Text, bool English);

/// <summary>One idea on a translated page: its heading and the HTML below it (the English part, whole, when the
/// idea's words are not translated).</summary>
public sealed record TranslatedSection(string Anchor, PageText Title, string Html);

/// <summary>A translated children's summary as it is published, frozen.</summary>
public sealed record TranslatedPage(PageText Heading, PageText Intro, IReadOnlyList<TranslatedSection> Sections, PageText FullReport, PageText ForAdults)
{
    public static TranslatedPage? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<TranslatedPage>(json);
    public string Write() => JsonSerializer.Serialize(this);
}

/// <summary>What stands between a translation and the children who read it.</summary>
public sealed record TranslationState(ChildrenSummaryTranslation Translation, IReadOnlyList<CheckedFinding> Findings, DateTime? EnglishPublishedUtc)
{
    public int Outstanding => Findings.Count(f => f.Outstanding);
    public bool Confirmed => Translation.CheckedUtc is not null;
    /// <summary>The English was published again after the translation was last changed: it may no longer say the same.</summary>
    public bool EnglishNewer => EnglishPublishedUtc > Translation.UpdatedUtc;
}

/// <summary>
/// The children's summary in the languages the council offers. The privacy guard reads each translation as it
/// would be published (numbers in any digits, every full date, addresses, links, and names written in the Latin alphabet); names in
/// other scripts it cannot tell from words, so a person who reads the language must confirm the revision that is
/// published. English stands in, marked as English, for any piece not translated.
/// </summary>
public sealed class SummaryTranslations(PortalDbContext db, PublishingService publishing, PublicCache cache, TimeProvider clock)
{
    public const int MaxShort = 200;
    public const string Heading = "What your IROs did this year";
    public const string TellUsButton = "Tell us what you think";
    public const string FullReport = "Read the full report";
    public const string ForAdults = "(it is long, and written for adults).";

    public static string Intro(int year) => $"A short report for children and young people in care. It is about April {year} to March {year + 1}.";

    public static IReadOnlyList<SummaryPiece> Pieces { get; } =
    [
        new("heading", "The page's heading", false),
        new("intro", "The first sentence", false),
        .. ChildrenSummaryService.Ideas.SelectMany(idea => new SummaryPiece[] { new(idea.Key + ".heading", $"Heading: {idea.Heading}", false), new(idea.Key, idea.Heading, true) }),
        new("button", "The button to the children's form", false),
        new("full-report", "The link to the full report", false),
        new("for-adults", "After the link to the full report", false),
    ];

    /// <summary>Each piece's English, as the translator reads it: the manager's words from the summary being written.</summary>
    public static IReadOnlyDictionary<string, string> English(ChildrenSummary summary)
    {
        var english = new Dictionary<string, string>
        {
            ["heading"] = Heading, ["intro"] = Intro(summary.YearStart), ["button"] = TellUsButton, ["full-report"] = FullReport, ["for-adults"] = ForAdults,
        };
        foreach (var idea in ChildrenSummaryService.Ideas)
        {
            english[idea.Key + ".heading"] = idea.Heading;
            english[idea.Key] = idea.Text(summary);
        }
        return english;
    }

    public static Dictionary<string, string> TextsOf(ChildrenSummaryTranslation translation) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(translation.Texts) ?? [];

    public async Task<IReadOnlyList<ChildrenSummaryTranslation>> ForYearAsync(int year, CancellationToken cancellationToken = default) =>
        await db.Set<ChildrenSummaryTranslation>().AsNoTracking().Where(t => t.YearStart == year).OrderBy(t => t.EnglishName).ToListAsync(cancellationToken);

    public Task<ChildrenSummaryTranslation?> FindAsync(int year, string language, CancellationToken cancellationToken = default) =>
        db.Set<ChildrenSummaryTranslation>().SingleOrDefaultAsync(t => t.YearStart == year && t.Language == language, cancellationToken);

    /// <summary>The languages a year's summary is published in, for the links on the English page.</summary>
    public async Task<IReadOnlyList<(string Language, string Name, string EnglishName)>> PublishedAsync(int year, CancellationToken cancellationToken = default) =>
        (await db.Set<ChildrenSummaryTranslation>().AsNoTracking().Where(t => t.YearStart == year && t.PublishedSections != null)
            .OrderBy(t => t.EnglishName).Select(t => new { t.Language, t.Name, t.EnglishName }).ToListAsync(cancellationToken))
        .Select(t => (t.Language, t.Name, t.EnglishName)).ToList();

    /// <summary>Changes whenever a translation is published or withdrawn, so the public pages' cache entries move.</summary>
    public async Task<string> StampAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<ChildrenSummaryTranslation>().MaxAsync(t => t.PublishedUtc, cancellationToken))?.Ticks.ToString() ?? "";

    /// <returns>False when someone else changed it since the revision the manager started from.</returns>
    public async Task<bool> SaveAsync(ChildrenSummaryTranslation translation, int revision, string name, string englishName, IReadOnlyDictionary<string, string> texts, string by)
    {
        if (translation.Id != Guid.Empty && translation.Revision != revision) return false;
        var kept = Pieces.Where(p => texts.TryGetValue(p.Key, out var text) && text.Length > 0).ToDictionary(p => p.Key, p => texts[p.Key]);
        var changed = translation.Id == Guid.Empty || JsonSerializer.Serialize(kept) != translation.Texts || name != translation.Name || englishName != translation.EnglishName;
        if (!changed) return true;
        (translation.Name, translation.EnglishName, translation.Texts) = (name, englishName, JsonSerializer.Serialize(kept));
        (translation.UpdatedUtc, translation.UpdatedByName) = (clock.GetUtcNow().UtcDateTime, by);
        // What a reader confirmed was the words before this change.
        (translation.ReadBy, translation.CheckedUtc, translation.CheckedByName) = (null, null, null);
        translation.Revision++;
        if (translation.Id == Guid.Empty)
        {
            translation.Id = Guid.CreateVersion7();
            db.Add(translation);
        }
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); return false; }
        return true;
    }

    /// <returns>False when the words changed after the revision the reader read.</returns>
    public async Task<bool> ConfirmAsync(ChildrenSummaryTranslation translation, int revision, string readBy, string by)
    {
        if (translation.Revision != revision) return false;
        (translation.ReadBy, translation.CheckedUtc, translation.CheckedByName) = (readBy, clock.GetUtcNow().UtcDateTime, by);
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return false; }
        return true;
    }

    public async Task<TranslationState> CheckAsync(ChildrenSummaryTranslation translation, CancellationToken cancellationToken = default)
    {
        var english = await EnglishReleaseAsync(translation.YearStart, cancellationToken);
        var link = await FeedbackLinkAsync(translation.YearStart, cancellationToken);
        var page = Compose(translation, english?.Sections ?? [], link);
        var overrides = await publishing.OverridesAsync(translation.YearStart, Audience.Children, cancellationToken);
        var findings = ReleaseComposer.Read(page.Heading.Text, ForGuard(translation, page), null, new Dictionary<string, (string, string)>(), await publishing.RulesAsync(cancellationToken), everyFullDate: true);
        return new(translation, PublishingService.Checked(findings, overrides), english?.PublishedUtc);
    }

    /// <returns>Null when published; otherwise why not, in words.</returns>
    public async Task<string?> PublishAsync(ChildrenSummaryTranslation translation, string by, CancellationToken cancellationToken = default)
    {
        if (await EnglishReleaseAsync(translation.YearStart, cancellationToken) is not { } english)
            return "Publish the summary in English first: the translation shows the English wherever a piece is not translated.";
        if (TextsOf(translation).Count == 0)
            return "Translate at least one piece before publishing.";
        if (translation.CheckedUtc is null)
            return $"Someone who reads {translation.EnglishName} must confirm this version first: the privacy guard cannot recognise names written in every alphabet.";
        var state = await CheckAsync(translation, cancellationToken);
        if (state.Outstanding > 0)
            return $"The privacy guard has {state.Outstanding} finding{(state.Outstanding == 1 ? "" : "s")} to deal with before this can be published.";
        var page = Compose(translation, english.Sections, await FeedbackLinkAsync(translation.YearStart, cancellationToken));
        (translation.PublishedSections, translation.PublishedUtc, translation.PublishedByName) = (page.Write(), clock.GetUtcNow().UtcDateTime, by);
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return "Someone changed the translation while you were publishing it. Look at it again and publish when it is ready.";
        }
        await cache.ChangedAsync(cancellationToken);
        return null;
    }

    /// <summary>Takes a published translation off the children's pages (the words stay, to correct and publish again).</summary>
    public async Task WithdrawAsync(ChildrenSummaryTranslation translation, CancellationToken cancellationToken = default)
    {
        (translation.PublishedSections, translation.PublishedUtc, translation.PublishedByName) = (null, clock.GetUtcNow().UtcDateTime, null);
        await db.SaveChangesAsync(cancellationToken);
        await cache.ChangedAsync(cancellationToken);
    }

    public async Task RemoveAsync(ChildrenSummaryTranslation translation, CancellationToken cancellationToken = default)
    {
        var wasPublished = translation.PublishedSections is not null;
        db.Remove(translation);
        await db.SaveChangesAsync(cancellationToken);
        if (wasPublished) await cache.ChangedAsync(cancellationToken);
    }

    /// <summary>The page children would read: each piece in the language, or the English standing in for it.</summary>
    /// <param name="english">The English summary's sections as published: an idea not translated shows them whole.</param>
    public static TranslatedPage Compose(ChildrenSummaryTranslation translation, IReadOnlyList<ReleaseSection> english, string feedbackLink)
    {
        var texts = TextsOf(translation);
        PageText Text(string key, string inEnglish) => texts.TryGetValue(key, out var text) && text.Trim().Length > 0 ? new(text.Trim(), false) : new(inEnglish, true);
        // The portal's own children's form opens in the same language.
        var link = feedbackLink == PublicAddresses.ChildrensForm ? $"{feedbackLink}?lang={Uri.EscapeDataString(translation.Language)}" : feedbackLink;
        var sections = ChildrenSummaryService.Ideas.Select(idea =>
        {
            var title = Text(idea.Key + ".heading", idea.Heading);
            var words = Text(idea.Key, "");
            if (words.English)
            {
                // Even in English, the button opens the children's form in the child's language.
                var inEnglish = (english.FirstOrDefault(s => s.Anchor == idea.Key)?.Html ?? "")
                    .Replace($"href=\"{ReleaseComposer.Encode(feedbackLink)}\"", $"href=\"{ReleaseComposer.Encode(link)}\"", StringComparison.Ordinal);
                return new TranslatedSection(idea.Key, title, $"<div lang=\"en\" dir=\"ltr\">{inEnglish}</div>");
            }
            var html = new StringBuilder(ChildrenSummaryService.PictureHtml(idea, englishAlt: true));
            foreach (var paragraph in ChildrenSummaryService.Paragraphs(words.Text))
                html.Append("<p class=\"govuk-body app-easy-read\">").Append(ReleaseComposer.Encode(paragraph)).Append("</p>");
            if (idea.Key == ChildrenSummaryService.TellUsAnchor)
            {
                var button = Text("button", TellUsButton);
                html.Append("<p class=\"govuk-body app-easy-read\"><a class=\"govuk-button app-tell-us\" href=\"").Append(ReleaseComposer.Encode(link)).Append('"')
                    .Append(button.English ? " lang=\"en\" dir=\"ltr\"" : "").Append('>').Append(ReleaseComposer.Encode(button.Text)).Append("</a></p>");
            }
            return new TranslatedSection(idea.Key, title, html.Append("</div></div>").ToString());
        }).ToList();
        return new(Text("heading", Heading), Text("intro", Intro(translation.YearStart)), sections, Text("full-report", FullReport), Text("for-adults", ForAdults));
    }

    /// <summary>The translated page as the guard reads it: the words around the ideas are a part of their own.</summary>
    private static IReadOnlyList<ReleaseSection> ForGuard(ChildrenSummaryTranslation translation, TranslatedPage page) =>
    [
        new("top", $"The page in {translation.EnglishName}", $"<p>{ReleaseComposer.Encode(page.Intro.Text)}</p><p>{ReleaseComposer.Encode(page.FullReport.Text)} {ReleaseComposer.Encode(page.ForAdults.Text)}</p>"),
        .. page.Sections.Select(s => new ReleaseSection(s.Anchor, $"{s.Title.Text} ({translation.EnglishName})", s.Html)),
    ];

    private async Task<(IReadOnlyList<ReleaseSection> Sections, DateTime PublishedUtc)?> EnglishReleaseAsync(int year, CancellationToken cancellationToken)
    {
        var release = await db.Set<Release>().AsNoTracking().Where(r => r.YearStart == year && r.Audience == Audience.Children)
            .OrderByDescending(r => r.Number).Select(r => new { r.Sections, r.PublishedUtc }).FirstOrDefaultAsync(cancellationToken);
        return release is null ? null : (ReleaseSection.Read(release.Sections), release.PublishedUtc);
    }

    private async Task<string> FeedbackLinkAsync(int year, CancellationToken cancellationToken) =>
        await db.Set<ChildrenSummary>().Where(s => s.YearStart == year).Select(s => s.FeedbackLink).SingleOrDefaultAsync(cancellationToken) ?? PublicAddresses.ChildrensForm;
}
