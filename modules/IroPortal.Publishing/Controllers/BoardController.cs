using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Publishing.Contracts;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;
using IroPortal.Publishing.ViewModels;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.Publishing.Controllers;

/// <summary>The corporate parenting board's reading of the report: the board version, questions against each
/// section and their answers, the board's resolution, and the board pack.</summary>
[Area("Publishing")]
public sealed class BoardController(BoardMeetings board, IPermissionChecker permissions, IAuditTrail audit, TimeProvider clock) : Controller
{
    public const int MaxText = 4000;

    public static readonly IReadOnlyList<(string Value, string Label)> Outcomes =
    [
        ("noted", "Noted"),
        ("noted-with-actions", "Noted, with actions"),
        ("endorsed", "Endorsed, with its priorities for next year"),
        ("referred-back", "Referred back to the IRO manager for more work"),
    ];

    [RequirePermission(PublishingPermissions.ReadBoard), HttpGet("/board", Name = PublishingRoutes.Board)]
    public async Task<IActionResult> Index()
    {
        var releases = (await board.ReleasesAsync()).Select(r => new BoardListRow(r.YearStart, r.Number, r.MeetingDate, r.PublishedUtc)).ToList();
        var latest = releases.GroupBy(r => r.YearStart).Select(g => g.MaxBy(r => r.Number)!).OrderByDescending(r => r.YearStart).ToList();
        return View(new BoardIndexPage(latest, await board.ResolutionsAsync()));
    }

    [RequirePermission(PublishingPermissions.ReadBoard), HttpGet("/board/{year:int}", Name = PublishingRoutes.BoardRead)]
    public async Task<IActionResult> Read(int year) => await ReadPage(year, new QuestionForm(), new ResolutionForm());

    private async Task<IActionResult> ReadPage(int year, QuestionForm question, ResolutionForm resolution)
    {
        if (await LatestAsync(year) is not { } release) return NotFound();
        var questions = (await board.QuestionsAsync(year)).ToLookup(q => q.SectionAnchor);
        var recorded = await board.ResolutionAsync(year);
        if (resolution.MeetingDate.IsEmpty && resolution.Outcome is null)
            resolution = recorded is null ? new ResolutionForm { MeetingDate = DateParts.From(release.MeetingDate) }
                : new ResolutionForm { MeetingDate = DateParts.From(recorded.MeetingDate), Outcome = recorded.Outcome, Minute = recorded.Minute };
        return View("Read", new BoardReadPage(release, ReleaseSection.Read(release.Sections), questions, recorded,
            await permissions.IsGrantedAsync(User, PublishingPermissions.AskQuestions), await permissions.IsGrantedAsync(User, PublishingPermissions.Publish),
            await permissions.IsGrantedAsync(User, PublishingPermissions.RecordResolution), question, resolution));
    }

    [RequirePermission(PublishingPermissions.AskQuestions), HttpPost("/board/{year:int}/questions", Name = PublishingRoutes.BoardAsk)]
    public async Task<IActionResult> Ask(int year, [Bind(Prefix = "Question")] QuestionForm form)
    {
        if (await LatestAsync(year) is not { } release) return NotFound();
        var section = ReleaseSection.Read(release.Sections).FirstOrDefault(s => s.Anchor == form.Section);
        if (section is null) ModelState.AddModelError("Question.Section", "Choose the section your question is about");
        var text = (form.Text ?? "").Trim();
        if (text.Length == 0) ModelState.AddModelError("Question.Text", "Enter your question");
        else if (text.Length > MaxText) ModelState.AddModelError("Question.Text", $"Your question must be {MaxText} characters or fewer");
        if (!ModelState.IsValid) return await ReadPage(year, form, new ResolutionForm());

        var question = await board.AskAsync(year, section!, text, User.UserId() ?? Guid.Empty, User.DisplayName());
        TempData.Saved = "Your question is with the IRO manager. You will be told when it is answered.";
        return RedirectToRoute(PublishingRoutes.BoardRead, new { year }, $"question-{question.Id:N}");
    }

    [RequirePermission(PublishingPermissions.Publish), HttpPost("/board/{year:int}/questions/{id:guid}/answer", Name = PublishingRoutes.BoardAnswer)]
    public async Task<IActionResult> Answer(int year, Guid id, string? answer)
    {
        if (await board.FindQuestionAsync(year, id) is not { } question) return NotFound();
        var text = (answer ?? "").Trim();
        if (text.Length is 0 or > MaxText)
        {
            TempData.Problem = $"Enter the answer to {question.AskedByName}'s question, in no more than {MaxText} characters. Nothing was saved.";
            return RedirectToRoute(PublishingRoutes.BoardRead, new { year }, $"question-{id:N}");
        }
        await board.AnswerAsync(id, text, User.DisplayName());
        TempData.Saved = $"Answer saved. {question.AskedByName} will be told.";
        return RedirectToRoute(PublishingRoutes.BoardRead, new { year }, $"question-{id:N}");
    }

    [RequirePermission(PublishingPermissions.RecordResolution), HttpPost("/board/{year:int}/resolution", Name = PublishingRoutes.BoardResolve)]
    public async Task<IActionResult> Resolve(int year, [Bind(Prefix = "Resolution")] ResolutionForm form)
    {
        if (await LatestAsync(year) is null) return NotFound();
        var date = form.MeetingDate.Validate(ModelState, "Resolution.MeetingDate", "the date of the meeting", notAfter: UkTime.Today(clock));
        if (Outcomes.All(o => o.Value != form.Outcome)) ModelState.AddModelError("Resolution.Outcome", "Choose what the board resolved");
        var minute = (form.Minute ?? "").Trim();
        if (minute.Length > MaxText) ModelState.AddModelError("Resolution.Minute", $"The minute must be {MaxText} characters or fewer");
        if (!ModelState.IsValid) return await ReadPage(year, new QuestionForm(), form);

        if (await board.RecordResolutionAsync(year, date!.Value, form.Outcome!, minute, User.DisplayName()) is not { } resolution)
        {
            TempData.Problem = "Someone recorded the resolution at the same moment. Here is theirs; change it if it needs changing.";
            return RedirectToRoute(PublishingRoutes.BoardRead, new { year }, "resolution");
        }
        await audit.RecordAsync("Board resolution recorded", $"{ReportingYear.Name(year)}: {OutcomeName(resolution.Outcome)}, meeting {UkTime.Format(resolution.MeetingDate)}");
        TempData.Saved = "The board's resolution is recorded.";
        return RedirectToRoute(PublishingRoutes.BoardRead, new { year }, "resolution");
    }

    [RequirePermission(PublishingPermissions.ReadBoard), HttpGet("/board/{year:int}/pack.pdf", Name = PublishingRoutes.BoardPack)]
    public async Task<IActionResult> Pack(int year)
    {
        if (await LatestAsync(year) is not { } release) return NotFound();
        if (release.Pdf is null) return View("NoPdf", new NoPdfPage(Url.RouteUrl(PublishingRoutes.BoardRead, new { year })!, release.PdfProblem ?? PdfPrinter.Failed));
        return File(release.Pdf, "application/pdf", $"IRO annual report {ReportingYear.Name(year)} board pack.pdf");
    }

    [RequirePermission(PublishingPermissions.ReadBoard), HttpGet("/board/{year:int}/figures.xlsx", Name = PublishingRoutes.BoardFigures)]
    public async Task<IActionResult> Figures(int year)
    {
        if (await LatestAsync(year) is not { Workbook: { } workbook }) return NotFound();
        return File(workbook, IroPortal.Spreadsheets.Workbook.ContentType, $"IRO annual report {ReportingYear.Name(year)} board tables.xlsx");
    }

    private Task<Release?> LatestAsync(int year) => board.LatestAsync(year);

    public static string OutcomeName(string value) => Outcomes.FirstOrDefault(o => o.Value == value).Label ?? value;
}
