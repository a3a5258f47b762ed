using IroPortal.Users.Contracts;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Api;
using IroPortal.Performance.Contracts;
using IroPortal.Performance.Models;
using IroPortal.Performance.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IroPortal.Performance.Api;

/// <summary>An import as the API reports it.</summary>
public sealed record ImportStatus(Guid Id, int Year, string State, int RowsWritten, int RowsTotal, int Children, int Episodes, int Reviews, int Allocations,
    int Warnings, string? Failure, DateTime StartedUtc, DateTime? FinishedUtc, string Href);

/// <summary>
/// The council's case-management system (or data warehouse) pushes the year's SSDA903 return and IRO allocation
/// list: the same files, checks, limits and whole-or-nothing replace as the manager's upload, and the result in the
/// import history. Bearer tokens only: there is no cookie to forge a request with, so no antiforgery token.
/// </summary>
[Route("api/v1"), IgnoreAntiforgeryToken, ApiExplorerSettings(GroupName = "v1")]
public sealed class ReturnsApiController(PortalDbContext db, ImportService imports, ImportQueue queue, IOptions<UploadLimits> limits, TimeProvider clock) : Controller
{
    public const string IdempotencyHeader = "Idempotency-Key";

    [HttpPost("returns/{year:int}"), RequireScope(PerformanceScopes.ReturnsWrite), AuditsChange("Return sent through the API")]
    [RequestSizeLimit(300L * 1024 * 1024), RequestFormLimits(MultipartBodyLengthLimit = 300L * 1024 * 1024)]
    [EndpointSummary("Push a year's SSDA903 return and IRO allocation list")]
    [EndpointDescription("multipart/form-data with the files as the manager would upload them (header.csv, episodes.csv, reviews.csv or one .xlsx workbook, and the IRO allocation list), " +
        "for the reporting year that starts in April of {year} (with ?runsTo=yyyy-mm-dd, an extract for part of the year, provisional until the annual return replaces it). Send an Idempotency-Key header (any text up to 100 characters, new for each push and the same when retrying one): " +
        "a push repeated with the same key answers with the import it already started. 202 with the import to follow at Location; 422 with every problem by file, row and column when nothing was imported.")]
    [ProducesResponseType<ImportStatus>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public async Task<IActionResult> Push(int year, [FromForm] IFormFileCollection files, CancellationToken cancellationToken, [FromQuery] string? runsTo = null)
    {
        var key = Request.Headers[IdempotencyHeader].ToString().Trim();
        if (key.Length is 0 or > 100 || key.Any(char.IsControl))
            return Problem400($"Send an {IdempotencyHeader} header: any text up to 100 characters, new for each push and the same when retrying it, so that a retry never imports twice.");
        if (!Request.HasFormContentType)
            return Problem400("Send the files as multipart/form-data.");
        var currentYear = ReportingYear.Containing(UkTime.Today(clock));
        if (!ReturnYears.IsValid(year, currentYear))
            return Unprocessable($"{year} is not a reporting year the portal takes: give the year the reporting year starts, from {ReturnYears.Earliest} to {currentYear}.", []);
        DateOnly? extractTo = null;
        if (!string.IsNullOrWhiteSpace(runsTo))
        {
            if (!DateOnly.TryParseExact(runsTo.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
                return Unprocessable($"runsTo '{runsTo}' is not a date as yyyy-mm-dd: give the last day an extract for part of the year covers, or leave it out for the annual return.", []);
            if (imports.RunsToProblem(year, day) is { } problem) return Unprocessable(problem + ".", []);
            extractTo = day;
        }

        if (files.Count == 0)
            return Unprocessable("No files were sent.", [new ApiError(null, null, null, "Send the return's files (header.csv, episodes.csv and reviews.csv, or one .xlsx workbook) and the IRO allocation list.")]);
        var sources = new List<SourceFile>();
        var tooLarge = new List<ApiError>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Length > limits.Value.MaxFileBytes)
            {
                tooLarge.Add(new ApiError(name, null, null, $"{name} is larger than {limits.Value.MaxFileBytes / (1024 * 1024)} MB."));
                continue;
            }
            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, cancellationToken);
            sources.Add(new SourceFile(name, memory.ToArray()));
        }
        if (tooLarge.Count > 0) return Unprocessable("A file is larger than the portal accepts. Nothing was imported.", tooLarge);

        var client = User.FindFirst("sub")?.Value ?? "";
        var hash = RequestHash(year, sources, extractTo);
        var earlier = await db.Set<ReturnPush>().AsNoTracking().SingleOrDefaultAsync(p => p.ClientId == client && p.IdempotencyKey == key, cancellationToken);
        if (earlier is not null && earlier.RequestSha256 != hash)
            return Unprocessable($"The {IdempotencyHeader} \"{key}\" was used on {UkTime.Format(earlier.CreatedUtc)} for a different push (other files or another year). Use a new key for a new push.", []);
        if (earlier?.ImportId is { } already)
        {
            Response.Headers["Idempotent-Replayed"] = "true";
            return await Accepted(already, cancellationToken);
        }

        ParsedReturn parsed;
        try
        {
            parsed = imports.Check(sources, year);
        }
        catch (RefusedFileException refused)
        {
            return Unprocessable("A file was refused. Nothing was imported.", [new ApiError(null, null, null, refused.Message)]);
        }
        if (!parsed.CanImport)
            return Unprocessable($"The files have {parsed.Errors:N0} error(s) and {parsed.Warnings:N0} warning(s). Nothing was imported; the year's data is as it was.",
                parsed.Problems.Where(p => p.Severity == Severity.Error).Select(p => new ApiError(p.File, p.Row, p.Column, p.Message)).ToList());

        var push = earlier is null ? new ReturnPush { Id = Guid.CreateVersion7(), ClientId = client, IdempotencyKey = key, RequestSha256 = hash, CreatedUtc = clock.GetUtcNow().UtcDateTime } : null;
        if (push is not null)
        {
            db.Add(push);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same push arrived twice at once; the other one is importing it.
                db.ChangeTracker.Clear();
                var other = await db.Set<ReturnPush>().AsNoTracking().SingleAsync(p => p.ClientId == client && p.IdempotencyKey == key, cancellationToken);
                if (other.RequestSha256 != hash || other.ImportId is null)
                    return Problem(statusCode: StatusCodes.Status409Conflict, title: "The same push is already being received", detail: "Wait a moment and send it again with the same key.");
                Response.Headers["Idempotent-Replayed"] = "true";
                return await Accepted(other.ImportId.Value, cancellationToken);
            }
        }
        var by = $"API: {User.FindFirst("name")?.Value ?? client} ({client})";
        var staged = await imports.StageAsync(sources, year, Guid.Empty, by, extractTo, cancellationToken);
        var import = await imports.QueueAsync(year, sources, by, staged, cancellationToken, extractTo);
        await db.Set<ReturnPush>().Where(p => p.ClientId == client && p.IdempotencyKey == key).ExecuteUpdateAsync(s => s.SetProperty(p => p.ImportId, import.Id), cancellationToken);
        await queue.EnqueueAsync(import.Id);
        return await Accepted(import.Id, cancellationToken);
    }

    [HttpGet("returns/imports/{id:guid}"), RequireScope(PerformanceScopes.ReturnsWrite)]
    [EndpointSummary("Follow an import")]
    [EndpointDescription("The state of an import a push started: Queued, Running, Completed or Failed (with the reason; nothing of a failed import is kept).")]
    [ProducesResponseType<ImportStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Import(Guid id, CancellationToken cancellationToken)
    {
        var import = await db.Set<ReturnImport>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return import is null ? NotFound() : Ok(Status(import));
    }

    private async Task<IActionResult> Accepted(Guid importId, CancellationToken cancellationToken)
    {
        var import = await db.Set<ReturnImport>().AsNoTracking().SingleAsync(i => i.Id == importId, cancellationToken);
        var status = Status(import);
        return AcceptedAtAction(nameof(Import), new { id = importId }, status);
    }

    private ImportStatus Status(ReturnImport i)
    {
        var state = imports.IsInterrupted(i) ? "Failed" : i.State.ToString();
        var failure = imports.IsInterrupted(i) ? "The import was interrupted (its node stopped). Nothing was changed; push again with a new key." : i.Failure;
        return new ImportStatus(i.Id, i.YearStart, state, i.RowsWritten, i.RowsTotal, i.Children, i.Episodes, i.Reviews, i.Allocations, i.Warnings, failure,
            i.StartedUtc, i.FinishedUtc, Url.Action(nameof(Import), new { id = i.Id })!);
    }

    private ObjectResult Problem400(string detail) => Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request was not accepted", detail: detail);

    private ObjectResult Unprocessable(string detail, IReadOnlyList<ApiError> errors)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status422UnprocessableEntity, Title = "Nothing was imported", Detail = detail };
        problem.Extensions["errors"] = errors;
        return new ObjectResult(problem) { StatusCode = problem.Status, ContentTypes = { "application/problem+json" } };
    }

    private static string RequestHash(int year, IEnumerable<SourceFile> files, DateOnly? runsTo)
    {
        // An annual return hashes as it always did: keys already used keep their meaning.
        var text = new StringBuilder().Append(year).Append(runsTo is { } to ? " to " + to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "");
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
            text.Append('\n').Append(file.Name).Append(' ').Append(Convert.ToHexStringLower(SHA256.HashData(file.Content)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>The year's figures for the council's BI tools: the same JSON as the command line's <c>stats</c>.</summary>
[Route("api/v1"), ApiExplorerSettings(GroupName = "v1")]
public sealed class FiguresApiController(IReviewFigures figures) : Controller
{
    [HttpGet("figures/{year:int}"), RequireScope(PerformanceScopes.FiguresRead)]
    [EndpointSummary("Read a year's review figures")]
    [EndpointDescription("The reporting year that starts in April of {year}: children looked after, reviews on time, participation codes and each IRO's caseload, as the command line's stats prints them. Counts, never a child.")]
    [ProducesResponseType<ReviewFigures>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Year(int year, CancellationToken cancellationToken)
    {
        var found = await figures.ForYearAsync(year, cancellationToken);
        if (!found.HasData)
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "No figures for this year", detail: $"No review data has been imported for {ReportingYear.Name(year)}.");
        return new JsonResult(found, StatsCommand.Json);
    }
}
