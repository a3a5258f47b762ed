using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Contracts;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.QualityAssurance.ViewModels;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.QualityAssurance.Controllers;

/// <summary>The feedback forms for people without an account: behind a single-use link (children, parents, carers,
/// professionals, agencies, guardians), and the children's form a child may open at any time from the children's
/// summary, the short address /tell-us or a printed QR code. Nobody's name is asked for.</summary>
[Area("QualityAssurance")]
[Public]
public sealed class PublicFeedbackController(
    FeedbackRecords records, FeedbackIntake intake, ChildLanguages languages, IStaffDirectory staff, SelfStartedLimiter limiter, TimeProvider clock) : Controller
{
    public const string ShortAddress = PublicAddresses.ChildrensForm;

    [HttpGet(ShortAddress, Name = QaRoutes.PublicFeedbackTellUs)]
    public async Task<IActionResult> TellUs(string? version, string? lang) =>
        await ChildForm(new ChildFeedbackForm { Version = version, Lang = lang }, ChildFormVersion.Standard, selfStarted: true);

    [HttpPost(ShortAddress, Name = QaRoutes.PublicFeedbackTellUs)]
    public async Task<IActionResult> TellUs(ChildFeedbackForm form)
    {
        var words = await languages.WordsAsync(form.Lang);
        var version = QaText.ChildVersionFromSlug(form.Version) ?? ChildFormVersion.Standard;
        // Software that fills in every field is thanked like a person, so it learns nothing; what it sent is not kept.
        if (form.LooksAutomated) return Thanked(words, version, selfStarted: true);
        var iros = await staff.InRoleAsync(PortalRoles.Iro);
        var iroId = form.Validate(ModelState, words, version, iros);
        if (!ModelState.IsValid) return await ChildForm(form, version, selfStarted: true);
        if (!limiter.TryAcquire(HttpContext))
        {
            ModelState.AddModelError("", words.Text("error.too-many"));
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status429TooManyRequests;
            return await ChildForm(form, version, selfStarted: true);
        }
        await intake.ReceiveAsync(NewResponse(form, iroId, version, words, FeedbackChannel.SelfStarted, reviewDate: null));
        return Thanked(words, version, selfStarted: true);
    }

    [HttpGet("/feedback/{token}", Name = QaRoutes.PublicFeedbackForm)]
    public async Task<IActionResult> Form(string token, string? version, string? lang)
    {
        var (request, problem) = await Find(token);
        if (problem is not null) return problem;
        return request!.RespondentType == QaActivity.ChildFeedback
            ? await ChildForm(new ChildFeedbackForm { Version = version, Lang = lang }, request.ChildVersion ?? ChildFormVersion.Standard, selfStarted: false)
            : View(new PublicFeedbackPage(request.RespondentType, request.ReviewDate, new FeedbackAnswersForm()));
    }

    [HttpPost("/feedback/{token}", Name = QaRoutes.PublicFeedbackForm)]
    public async Task<IActionResult> Form(string token, ChildFeedbackForm answers)
    {
        var (request, problem) = await Find(token);
        if (problem is not null) return problem;
        if (request!.RespondentType == QaActivity.ChildFeedback)
        {
            var words = await languages.WordsAsync(answers.Lang);
            var version = QaText.ChildVersionFromSlug(answers.Version) ?? request.ChildVersion ?? ChildFormVersion.Standard;
            answers.Validate(ModelState, words, version, iros: null);
            if (!ModelState.IsValid) return await ChildForm(answers, version, selfStarted: false);
            await intake.ReceiveAsync(NewResponse(answers, request.IroId, version, words, FeedbackChannel.Online, request.ReviewDate, request.Id), request);
            return Thanked(words, version, selfStarted: false);
        }

        answers.Validate(ModelState, request.RespondentType);
        if (!ModelState.IsValid) return View(new PublicFeedbackPage(request.RespondentType, request.ReviewDate, answers));
        var response = new FeedbackResponse
        {
            Id = Guid.CreateVersion7(), RequestId = request.Id, IroId = request.IroId, RespondentType = request.RespondentType,
            ReceivedOn = UkTime.Today(clock), ReviewDate = request.ReviewDate, Channel = FeedbackChannel.Online, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        response.Answers.AddRange(answers.ToAnswers(request.RespondentType));
        await intake.ReceiveAsync(response, request);
        return RedirectToAction(nameof(Thanks), new { child = false });
    }

    [HttpGet("/feedback/thank-you", Name = QaRoutes.PublicFeedbackThanks)]
    public async Task<IActionResult> Thanks(bool child, string? lang, string? again)
    {
        if (!child) return View(false);
        var words = await languages.WordsAsync(lang);
        // Only the children's form itself may be offered again: never a link to somewhere else.
        var againLink = again is not null && again.StartsWith(ShortAddress, StringComparison.Ordinal) && ReturnAddress.IsLocal(again) ? again : null;
        return View("ChildThanks", new ChildThanksPage(words, againLink));
    }

    private RedirectToActionResult Thanked(ChildPageWords words, ChildFormVersion version, bool selfStarted) =>
        RedirectToAction(nameof(Thanks), new
        {
            child = true, lang = words.IsEnglish ? null : words.Language,
            again = selfStarted ? ChildFormPage.Address(ShortAddress, version, words.IsEnglish ? null : words.Language) : null,
        });

    private FeedbackResponse NewResponse(ChildFeedbackForm form, Guid iroId, ChildFormVersion version, ChildPageWords words, FeedbackChannel channel, DateOnly? reviewDate, Guid? requestId = null)
    {
        var response = new FeedbackResponse
        {
            Id = Guid.CreateVersion7(), RequestId = requestId, IroId = iroId, RespondentType = QaActivity.ChildFeedback, ReceivedOn = UkTime.Today(clock),
            ReviewDate = reviewDate, Channel = channel, CreatedUtc = clock.GetUtcNow().UtcDateTime, FormVersion = version,
            Language = words.IsEnglish ? null : words.Language, WantsContact = form.WantsContact,
            ContactDetails = form.WantsContact && form.ContactDetails?.Trim() is { Length: > 0 } details ? details : null,
        };
        response.Answers.AddRange(form.ToAnswers(QaActivity.ChildFeedback));
        return response;
    }

    private async Task<IActionResult> ChildForm(ChildFeedbackForm form, ChildFormVersion chosen, bool selfStarted)
    {
        var version = QaText.ChildVersionFromSlug(form.Version) ?? chosen;
        form.Version = version.Slug();
        var words = await languages.WordsAsync(form.Lang);
        form.Lang = words.IsEnglish ? null : words.Language;
        var path = selfStarted ? ShortAddress : Request.Path.Value!;
        var iros = selfStarted ? await staff.InRoleAsync(PortalRoles.Iro) : null;
        return View("ChildForm", new ChildFormPage(form, version, words, await languages.AllAsync(), iros, path));
    }

    private async Task<(FeedbackRequest? Request, IActionResult? Problem)> Find(string token)
    {
        var request = await records.LinkAsync(token);
        if (request is null) return (null, Problem("LinkNotFound", 404));
        if (request.AnsweredUtc is not null) return (request, Problem("AlreadyAnswered", 200, request.RespondentType));
        if (request.ExpiresUtc < clock.GetUtcNow().UtcDateTime) return (request, Problem("LinkExpired", 410, request.RespondentType));
        return (request, null);
    }

    private ViewResult Problem(string view, int status, QaActivity? type = null)
    {
        Response.StatusCode = status;
        return View(view, type == QaActivity.ChildFeedback);
    }
}
