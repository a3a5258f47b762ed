using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Publishing.Contracts;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;
using IroPortal.Publishing.ViewModels;
using Microsoft.AspNetCore.Mvc;

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
