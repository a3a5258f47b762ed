using System.Text;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Publishing.Models;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Publishing.Services;

/// <summary>One idea of the Easy Read summary: a heading, the manager's words, and a picture beside them.</summary>
/// <param name="Field">The property of the summary (and of its form) that holds this idea's words.</param>
public sealed record SummaryIdea(string Key, string Field, string Heading, string Hint, string Picture, string Alt, Func<ChildrenSummary, string> Text);

/// <summary>The children's summary: written in a guided form, measured for readability, checked by the privacy
/// guard, and published as Easy Read at /reports/{year}/for-children.</summary>
public sealed class ChildrenSummaryService(PortalDbContext db, PublishingService publishing, TimeProvider clock)
{
    public const int MaxText = 3000;
    public const string TellUsAnchor = "tell-us";

    public static readonly IReadOnlyList<SummaryIdea> Ideas =
    [
        new("what-is-an-iro", nameof(ChildrenSummary.WhatIsAnIro), "What is an IRO?", "Say what an IRO does, in a few short sentences.", "iro", "A grown-up sitting with a young person, listening to them", s => s.WhatIsAnIro),
        new("what-we-did", nameof(ChildrenSummary.WhatWeDid), "What we did this year", "Two or three things the IROs did this year. Use numbers children understand: \u201cnine out of ten\u201d.", "did", "A calendar with ticks on it", s => s.WhatWeDid),
        new("what-you-told-us", nameof(ChildrenSummary.WhatYouToldUs), "What you told us", "What children said about their reviews and their IRO, good and bad.", "told", "Two speech bubbles", s => s.WhatYouToldUs),
        new("what-we-will-do", nameof(ChildrenSummary.WhatWeWillDo), "What we will do next", "What will change next year because of what children said.", "next", "A path with an arrow pointing forward", s => s.WhatWeWillDo),
        new(TellUsAnchor, nameof(ChildrenSummary.HowToTellUs), "How to tell us what you think", "How a child can tell you what they think: who to ask, and the link below.", "tell", "A phone with a message on it", s => s.HowToTellUs),
    ];

    /// <summary>The year's summary, or a new one with the council's starting words. <paramref name="tracked"/>: false for
    /// a copy to show a form's rejected text on, which nothing saves.</summary>
    public async Task<ChildrenSummary> FindOrStartAsync(int year, bool tracked = true) =>
        await (tracked ? db.Set<ChildrenSummary>() : db.Set<ChildrenSummary>().AsNoTracking()).SingleOrDefaultAsync(s => s.YearStart == year) ?? new ChildrenSummary
        {
            YearStart = year,
            WhatIsAnIro = "Every child in care has an IRO. IRO means Independent Reviewing Officer. Your IRO runs your reviews. A review is a meeting about your life and your plan. Your IRO makes sure people listen to you.",
            FeedbackLink = PublicAddresses.ChildrensForm,
        };

    public Task<ChildrenSummary?> FindAsync(int year) =>
        db.Set<ChildrenSummary>().AsNoTracking().SingleOrDefaultAsync(s => s.YearStart == year);

    /// <summary>The number and date of the summary's latest publication, or null before the first.</summary>
    public async Task<(int Number, DateTime PublishedUtc)?> LatestReleaseAsync(int year) =>
        await db.Set<Release>().AsNoTracking().Where(r => r.YearStart == year && r.Audience == Audience.Children)
            .OrderByDescending(r => r.Number).Select(r => new { r.Number, r.PublishedUtc }).FirstOrDefaultAsync() is { } latest
            ? (latest.Number, latest.PublishedUtc) : null;

    public async Task SaveAsync(ChildrenSummary summary, string by)
    {
        summary.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        summary.UpdatedByName = by;
        if (summary.Id == Guid.Empty)
        {
            summary.Id = Guid.CreateVersion7();
            db.Add(summary);
        }
        await db.SaveChangesAsync();
    }

    public static string AllText(ChildrenSummary summary) => string.Join("\n", Ideas.Select(i => i.Text(summary)));

    public static ReadabilityReport Measure(ChildrenSummary summary) => Readability.Measure(AllText(summary));

    public async Task<IReadOnlyList<CheckedFinding>> CheckAsync(ChildrenSummary summary) => (await ComposeCheckedAsync(summary)).Findings;

    /// <summary>The summary as children would read it (small counts as "fewer than 5") and what the guard finds in
    /// that page's HTML.</summary>
    private async Task<(IReadOnlyList<ReleaseSection> Sections, IReadOnlyList<CheckedFinding> Findings)> ComposeCheckedAsync(ChildrenSummary summary)
    {
        var overrides = await publishing.OverridesAsync(summary.YearStart, Audience.Children);
        var suppressed = new List<SuppressedCell>();
        var sections = Compose(summary).Select(section =>
        {
            var (html, cells) = Suppression.Html(section.Html, section.Title, section.Anchor, overrides.ContainsKey);
            suppressed.AddRange(cells);
            return section with { Html = html };
        }).ToList();
        var title = $"Summary for children and young people {ReportingYear.Name(summary.YearStart)}";
        var findings = ReleaseComposer.Read(title, sections, null, new Dictionary<string, (string, string)>(), await publishing.RulesAsync())
            .Concat(ReleaseComposer.Suppressed(suppressed));
        return (sections, PublishingService.Checked(findings, overrides));
    }

    /// <summary>The Easy Read sections: each idea's words in short paragraphs, its picture beside them.</summary>
    public static IReadOnlyList<ReleaseSection> Compose(ChildrenSummary summary) => Ideas.Select(idea =>
    {
        var html = new StringBuilder(PictureHtml(idea, englishAlt: false));
        foreach (var paragraph in Paragraphs(idea.Text(summary)))
            html.Append("<p class=\"govuk-body app-easy-read\">").Append(ReleaseComposer.Encode(paragraph)).Append("</p>");
        if (idea.Key == TellUsAnchor)
            html.Append("<p class=\"govuk-body app-easy-read\"><a class=\"govuk-button app-tell-us\" href=\"").Append(ReleaseComposer.Encode(summary.FeedbackLink)).Append("\">")
                .Append(SummaryTranslations.TellUsButton).Append("</a></p>");
        return new ReleaseSection(idea.Key, idea.Heading, html.Append("</div></div>").ToString());
    }).ToList();

    /// <summary>The start of an idea's HTML: its picture, then the opening of the box its words go in.</summary>
    /// <param name="englishAlt">The picture's description is English on a page in another language.</param>
    public static string PictureHtml(SummaryIdea idea, bool englishAlt) =>
        $"<div class=\"app-idea\"><img class=\"app-idea__picture\" src=\"/_content/IroPortal.Publishing/pictures/{idea.Picture}.svg\" alt=\"{ReleaseComposer.Encode(idea.Alt)}\"{(englishAlt ? " lang=\"en\"" : "")} width=\"96\" height=\"96\"><div class=\"app-idea__text\">";

    /// <summary>One paragraph a line, as the manager typed them.</summary>
    public static string[] Paragraphs(string text) =>
        text.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <returns>Null when published; otherwise why not, in words.</returns>
    public async Task<PublishResult> PublishAsync(ChildrenSummary summary, string? reason, string changeNote, string by)
    {
        if (Ideas.Any(i => i.Text(summary).Trim().Length == 0))
            return new(null, "Write something for every part of the summary before publishing it.");
        var (sections, findings) = await ComposeCheckedAsync(summary);
        var outstanding = findings.Count(f => f.Outstanding);
        if (outstanding > 0)
            return new(null, $"The privacy guard has {outstanding} finding{(outstanding == 1 ? "" : "s")} to deal with before this can be published.");
        var readability = Measure(summary);
        if (readability.AboveLimit && string.IsNullOrWhiteSpace(reason))
            return new(null, $"The summary reads at grade {readability.Grade:0.#}, above grade {ReadabilityReport.GradeLimit:0}. Make it simpler, or give the reason it should be published as it is.");
        return await publishing.SaveAsync(new Release
        {
            YearStart = summary.YearStart, Audience = Audience.Children, Sections = ReleaseSection.Write(sections),
            ReadabilityReason = readability.AboveLimit ? reason!.Trim() : null,
        }, changeNote, by);
    }
}
