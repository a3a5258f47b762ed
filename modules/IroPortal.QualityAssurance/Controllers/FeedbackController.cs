using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Contracts;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.QualityAssurance.ViewModels;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.QualityAssurance.Controllers;

/// <summary>Feedback for staff: links to send, responses to read, feedback received on paper or by email to type in.</summary>
[Area("QualityAssurance")]
public sealed class FeedbackController(FeedbackRecords records, IStaffDirectory staff, QaAccess access, FeedbackIntake intake, ChildLanguages languages, Reminders.FeedbackReminderLinks reminderLinks, TimeProvider clock) : Controller
{
    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/feedback", Name = QaRoutes.Feedback), AuditsChildData("Feedback answers")]
    public async Task<IActionResult> Index()
    {
        var (responses, links, urgent) = await records.LatestAsync();
        var iros = (await staff.InRoleAsync(PortalRoles.Iro)).ToDictionary(i => i.Id, i => i.DisplayName);
        return View(new FeedbackListPage(responses, links, iros, urgent, clock.GetUtcNow().UtcDateTime));
    }

    [RequirePermission(QaPermissions.RequestFeedback), HttpGet("/qa/feedback/links/new", Name = QaRoutes.FeedbackCreateLink)]
    public async Task<IActionResult> CreateLink() => View(new FeedbackLinkForm { Iros = await IrosFor(), IroId = await OwnIroId() });

    [RequirePermission(QaPermissions.RequestFeedback), HttpPost("/qa/feedback/links/new", Name = QaRoutes.FeedbackCreateLink), AuditsChange("Feedback link made")]
    public async Task<IActionResult> CreateLink(FeedbackLinkForm form)
    {
        form.Iros = await IrosFor();
        if (form.RespondentType is not { } type || !type.IsFeedback())
            ModelState.AddModelError(nameof(FeedbackLinkForm.RespondentType), "Choose who the feedback is from");
        // An IRO may ask only about their own reviews; the list they choose from holds only themselves.
        if (form.IroId is not { } iroId || form.Iros.All(i => i.Id != iroId))
            ModelState.AddModelError(nameof(FeedbackLinkForm.IroId), "Choose the IRO the feedback is about");
        if (form.RespondentType == QaActivity.ChildFeedback && (form.ChildVersion is not { } chosen || !Enum.IsDefined(chosen)))
            ModelState.AddModelError(nameof(FeedbackLinkForm.ChildVersion), "Choose the version of the children's form");
        var reviewDate = form.ReviewDate.Validate(ModelState, nameof(FeedbackLinkForm.ReviewDate), "the date of the review", required: false, notAfter: UkTime.Today(clock));
        var email = form.RespondentEmail?.Trim();
        if (!string.IsNullOrEmpty(email) && (email.Length > 256 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email)))
            ModelState.AddModelError(nameof(FeedbackLinkForm.RespondentEmail), "Enter an email address in the right format, like name@example.org, or leave it empty");
        if (!ModelState.IsValid) return View(form);

        var (token, hash) = FeedbackLinks.Create();
        var now = clock.GetUtcNow().UtcDateTime;
        var request = new FeedbackRequest
        {
            Id = Guid.CreateVersion7(), TokenHash = hash, RespondentType = form.RespondentType!.Value, IroId = form.IroId!.Value, ReviewDate = reviewDate,
            RespondentEmail = string.IsNullOrEmpty(email) ? null : email, RequestedById = User.UserId()!.Value, RequestedByName = User.DisplayName(),
            CreatedUtc = now, ExpiresUtc = now + FeedbackLinks.DefaultLifetime,
            ProtectedToken = string.IsNullOrEmpty(email) ? null : reminderLinks.Protect(token),
            ChildVersion = form.RespondentType == QaActivity.ChildFeedback ? form.ChildVersion : null,
        };
        await records.AddLinkAsync(request);
        var link = Url.RouteUrl(QaRoutes.PublicFeedbackForm, new { token }, Request.Scheme, Request.Host.Value)!;
        return View("LinkCreated", new LinkCreatedPage(request, link, form.Iros.Single(i => i.Id == request.IroId).DisplayName));
    }

    [RequirePermission(QaPermissions.Manage, QaPermissions.ViewOwn), HttpGet("/qa/feedback/{id:guid}", Name = QaRoutes.FeedbackDetails), AuditsChildData("Feedback answers")]
    public async Task<IActionResult> Details(Guid id)
    {
        if (await records.FindAsync(id) is not var (response, urgentId) || !await access.CanSeeAsync(User, response.IroId)) return NotFound();
        var iro = response.NamesAnIro ? (await staff.FindAsync(response.IroId))?.DisplayName ?? "Former IRO" : QaText.NoIroNamed;
        var language = response.Language is { } code ? (await languages.FindAsync(code))?.EnglishName : null;
        return View(new FeedbackPage(response, iro, urgentId, language, await access.IsManagerAsync(User)));
    }

    /// <summary>Feedback that came on paper or by email, typed in by the manager. First choose who it is from.</summary>
    [RequirePermission(QaPermissions.Manage), HttpGet("/qa/feedback/received", Name = QaRoutes.FeedbackReceived)]
    public async Task<IActionResult> Received(QaActivity? type) =>
        View(new ReceivedFeedbackForm { RespondentType = type is { } t && t.IsFeedback() ? t : null, Iros = await staff.InRoleAsync(PortalRoles.Iro) });

    [RequirePermission(QaPermissions.Manage), HttpPost("/qa/feedback/received", Name = QaRoutes.FeedbackReceived), AuditsChange("Feedback entered")]
    public async Task<IActionResult> Received(ReceivedFeedbackForm form)
    {
        form.Iros = await staff.InRoleAsync(PortalRoles.Iro);
        if (form.RespondentType is not { } type || !type.IsFeedback())
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(ReceivedFeedbackForm.RespondentType), "Choose who the feedback is from");
            return View(form);
        }
        if (form.IroId is not { } iroId || form.Iros.All(i => i.Id != iroId))
            ModelState.AddModelError(nameof(ReceivedFeedbackForm.IroId), "Choose the IRO the feedback is about");
        var today = UkTime.Today(clock);
        var receivedOn = form.ReceivedOn.Validate(ModelState, nameof(ReceivedFeedbackForm.ReceivedOn), "the date it was received", notAfter: today);
        var reviewDate = form.ReviewDate.Validate(ModelState, nameof(ReceivedFeedbackForm.ReviewDate), "the date of the review", required: false, notAfter: today);
        if (form.Channel is not (FeedbackChannel.Paper or FeedbackChannel.Email))
            ModelState.AddModelError(nameof(ReceivedFeedbackForm.Channel), "Choose how it was received");
        form.Answers.Validate(ModelState, type);
        var answers = form.Answers.ToAnswers(type).ToList();
        if (ModelState.IsValid && answers.Count == 0)
            ModelState.AddModelError("", "Enter at least one answer from the feedback");
        if (!ModelState.IsValid) return View(form);

        var response = new FeedbackResponse
        {
            Id = Guid.CreateVersion7(), IroId = form.IroId!.Value, RespondentType = type, ReceivedOn = receivedOn!.Value, ReviewDate = reviewDate,
            Channel = form.Channel!.Value, EnteredByName = User.DisplayName(), CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        response.Answers.AddRange(answers);
        await intake.ReceiveAsync(response);
        return RedirectToAction(nameof(Details), new { id = response.Id });
    }

    private async Task<IReadOnlyList<StaffMember>> IrosFor()
    {
        var iros = await staff.InRoleAsync(PortalRoles.Iro);
        return await access.IsManagerAsync(User) ? iros : iros.Where(i => i.Id == User.UserId()).ToList();
    }

    private async Task<Guid?> OwnIroId() => await access.IsManagerAsync(User) ? null : User.UserId();
}
