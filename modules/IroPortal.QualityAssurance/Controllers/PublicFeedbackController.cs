using IroPortal.Data;
using IroPortal.Modularity.Permissions;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using IroPortal.QualityAssurance.ViewModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.QualityAssurance.Controllers;

/// <summary>The feedback form behind a single-use link, for people without an account: children, parents,
/// carers, professionals, agencies, guardians. Nobody's name is asked for.</summary>
[Area("QualityAssurance")]
[Public]
public sealed class PublicFeedbackController(PortalDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/feedback/{token}")]
    public async Task<IActionResult> Form(string token)
    {
        var (request, problem) = await Find(token);
        return problem ?? View(new PublicFeedbackPage(request!.RespondentType, request.ReviewDate, new FeedbackAnswersForm()));
    }

    [HttpPost("/feedback/{token}")]
    public async Task<IActionResult> Form(string token, FeedbackAnswersForm answers)
    {
        var (request, problem) = await Find(token);
        if (problem is not null) return problem;
        answers.Validate(ModelState, request!.RespondentType);
        if (!ModelState.IsValid) return View(new PublicFeedbackPage(request.RespondentType, request.ReviewDate, answers));

        var now = clock.GetUtcNow().UtcDateTime;
        var response = new FeedbackResponse
        {
            Id = Guid.CreateVersion7(), RequestId = request.Id, IroId = request.IroId, RespondentType = request.RespondentType,
            ReceivedOn = IroPortal.Modularity.UkTime.Today(clock), ReviewDate = request.ReviewDate, Channel = FeedbackChannel.Online, CreatedUtc = now,
        };
        response.Answers.AddRange(answers.ToAnswers(request.RespondentType));
        request.AnsweredUtc = now;
        request.ProtectedToken = null; // answered: no reminder, so the link need not be kept
        db.Add(response);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same form sent twice at once: the link's unique response means only one was stored.
        }
        return RedirectToAction(nameof(Thanks), new { child = request.RespondentType == QaActivity.ChildFeedback });
    }

    [HttpGet("/feedback/thank-you")]
    public IActionResult Thanks(bool child) => View(child);

    private async Task<(FeedbackRequest? Request, IActionResult? Problem)> Find(string token)
    {
        var hash = token.Length is > 20 and < 100 ? FeedbackLinks.Hash(token) : null;
        var request = hash is null ? null : await db.Set<FeedbackRequest>().SingleOrDefaultAsync(r => r.TokenHash == hash);
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

public sealed record PublicFeedbackPage(QaActivity RespondentType, DateOnly? ReviewDate, FeedbackAnswersForm Answers)
{
    public bool ForAChild => RespondentType == QaActivity.ChildFeedback;
}
