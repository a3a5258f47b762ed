using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Publishing.Contracts;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using IroPortal.Modularity.Forms;

namespace IroPortal.Publishing.Controllers;

/// <summary>The manager writes the children's summary in a guided form, sees its readability as they go, and publishes it.</summary>
[Area("Publishing")]
[RequirePermission(PublishingPermissions.Publish)]
public sealed class ChildrenSummaryController(ChildrenSummaryService summaries, SummaryTranslations translations) : Controller
{
    [HttpGet("/publishing/{year:int}/for-children", Name = PublishingRoutes.ChildrenSummaryEdit)]
    public async Task<IActionResult> Edit(int year) => await EditPage(await summaries.FindOrStartAsync(year), new ChildrenPublishForm());

    [HttpPost("/publishing/{year:int}/for-children", Name = PublishingRoutes.ChildrenSummarySave)]
    public async Task<IActionResult> Save(int year, ChildrenSummaryForm form)
    {
        form.Validate(ModelState);
        // Rejected: what they wrote is shown on a copy that is never saved.
        var summary = await summaries.FindOrStartAsync(year, tracked: ModelState.IsValid);
        form.CopyTo(summary);
        if (!ModelState.IsValid) return await EditPage(summary, new ChildrenPublishForm());
        await summaries.SaveAsync(summary, User.DisplayName());
        TempData.Saved = "Saved. The readability figures and the privacy guard below are for what you saved.";
        return RedirectToRoute(PublishingRoutes.ChildrenSummaryEdit, new { year }, "check");
    }

    [HttpPost("/publishing/{year:int}/for-children/publish", Name = PublishingRoutes.ChildrenSummaryPublish)]
    public async Task<IActionResult> Publish(int year, [Bind(Prefix = "Publish")] ChildrenPublishForm form)
    {
        var summary = await summaries.FindAsync(year);
        if (summary is null)
        {
            TempData.Problem = "Write and save the summary before publishing it.";
            return RedirectToRoute(PublishingRoutes.ChildrenSummaryEdit, new { year });
        }
        var isCorrection = await summaries.LatestReleaseAsync(year) is not null;
        var readability = ChildrenSummaryService.Measure(summary);
        if (readability.AboveLimit && string.IsNullOrWhiteSpace(form.Reason))
            ModelState.AddModelError("Publish.Reason", $"The summary reads at grade {readability.Grade:0.#}. Make it simpler, or give the reason to publish it as it is");
        if (form.Reason?.Trim().Length > PublishingController.MaxReason)
            ModelState.AddModelError("Publish.Reason", $"The reason must be {PublishingController.MaxReason} characters or fewer");
        if (isCorrection && string.IsNullOrWhiteSpace(form.ChangeNote))
            ModelState.AddModelError("Publish.ChangeNote", "Say what changed since the last version: children see this note, with today's date");
        if (form.ChangeNote?.Trim().Length > PublishingController.MaxChangeNote)
            ModelState.AddModelError("Publish.ChangeNote", $"The note must be {PublishingController.MaxChangeNote} characters or fewer");
        if (!ModelState.IsValid) return await EditPage(summary, form);

        var result = await summaries.PublishAsync(summary, form.Reason, form.ChangeNote ?? "", User.DisplayName());
        if (result.Release is null) TempData.Problem = result.Problem;
        else TempData.Saved = $"Published at {Url.RouteUrl(PublishingRoutes.PublicReportsForChildren, new { year })}.";
        return RedirectToRoute(PublishingRoutes.ChildrenSummaryEdit, new { year });
    }

    private async Task<IActionResult> EditPage(ChildrenSummary summary, ChildrenPublishForm publish)
    {
        var published = await summaries.LatestReleaseAsync(summary.YearStart);
        return View("Edit", new ChildrenSummaryPage(summary.YearStart, ChildrenSummaryForm.From(summary), summary.Id != Guid.Empty,
            ChildrenSummaryService.Measure(summary), await summaries.CheckAsync(summary), publish, published?.Number, published?.PublishedUtc,
            await translations.ForYearAsync(summary.YearStart)));
    }
}

public sealed class ChildrenSummaryForm
{
    public string? WhatIsAnIro { get; set; }
    public string? WhatWeDid { get; set; }
    public string? WhatYouToldUs { get; set; }
    public string? WhatWeWillDo { get; set; }
    public string? HowToTellUs { get; set; }
    public string? FeedbackLink { get; set; }

    public static ChildrenSummaryForm From(ChildrenSummary s) => new()
    {
        WhatIsAnIro = s.WhatIsAnIro, WhatWeDid = s.WhatWeDid, WhatYouToldUs = s.WhatYouToldUs, WhatWeWillDo = s.WhatWeWillDo, HowToTellUs = s.HowToTellUs, FeedbackLink = s.FeedbackLink,
    };

    public void CopyTo(ChildrenSummary s)
    {
        (s.WhatIsAnIro, s.WhatWeDid, s.WhatYouToldUs, s.WhatWeWillDo, s.HowToTellUs) =
            (Clean(WhatIsAnIro), Clean(WhatWeDid), Clean(WhatYouToldUs), Clean(WhatWeWillDo), Clean(HowToTellUs));
        s.FeedbackLink = (FeedbackLink ?? "").Trim();
    }

    /// <summary>Each idea's words as typed, by field name: what the editor shows and what is validated.</summary>
    public IReadOnlyDictionary<string, string?> Parts => new Dictionary<string, string?>
    {
        [nameof(WhatIsAnIro)] = WhatIsAnIro, [nameof(WhatWeDid)] = WhatWeDid, [nameof(WhatYouToldUs)] = WhatYouToldUs,
        [nameof(WhatWeWillDo)] = WhatWeWillDo, [nameof(HowToTellUs)] = HowToTellUs,
    };

    private static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();

    public void Validate(ModelStateDictionary state)
    {
        foreach (var (field, text) in Parts)
            if (text?.Length > ChildrenSummaryService.MaxText)
                state.AddModelError(field, $"Keep this part to {ChildrenSummaryService.MaxText} characters or fewer: children read it on a phone");
        var link = (FeedbackLink ?? "").Trim();
        if (link.Length == 0)
            state.AddModelError(nameof(FeedbackLink), "Enter the link to the children's feedback form, or an email address as mailto:");
        else if (link.Length > 500 || !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "mailto" || link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal)))
            state.AddModelError(nameof(FeedbackLink), "Enter a web address starting https://, a page of this portal starting /, or mailto: and an email address");
    }
}

public sealed class ChildrenPublishForm
{
    public string? Reason { get; set; }
    public string? ChangeNote { get; set; }
}

public sealed record ChildrenSummaryPage(int Year, ChildrenSummaryForm Form, bool Saved, ReadabilityReport Readability, IReadOnlyList<CheckedFinding> Findings,
    ChildrenPublishForm Publish, int? PublishedNumber, DateTime? PublishedUtc, IReadOnlyList<ChildrenSummaryTranslation> Translations);
