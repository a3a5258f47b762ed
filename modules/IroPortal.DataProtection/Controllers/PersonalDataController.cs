using System.Text.Json;
using IroPortal.DataProtection.Contracts;
using IroPortal.DataProtection.Services;
using IroPortal.DataProtection.ViewModels;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.PersonalData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IroPortal.DataProtection.Controllers;

/// <summary>Finds every record that mentions a case reference, a child's identifier or an email address, for a subject
/// access request or an erasure. Searches are posted, never put in the address, so the term stays out of browser
/// history and the web server's logs.</summary>
[Area("DataProtection")]
[Route("admin/personal-data")]
[RequirePermission(DataProtectionPermissions.FindPersonalData)]
public sealed class PersonalDataController(PersonalDataSearch search, IOptions<CouncilOptions> council) : Controller
{
    public const int LongestReason = 500;

    [HttpGet("", Name = DataProtectionRoutes.PersonalData)]
    public IActionResult Index() => View(new PersonalDataPage("", null, null));

    [HttpPost("", Name = DataProtectionRoutes.PersonalDataSearch)]
    public async Task<IActionResult> Search(string? term)
    {
        if (Check(term) is { } problem) return problem;
        var result = await search.SearchAsync(new PersonalDataQuery(term!));
        NoStore();
        return View(nameof(Index), new PersonalDataPage(term!.Trim(), result, Erased: null));
    }

    [HttpPost("export", Name = DataProtectionRoutes.PersonalDataExport)]
    public async Task<IActionResult> Export(string? term, string? format)
    {
        if (Check(term) is { } problem) return problem;
        var json = format == "json";
        var result = await search.ExportAsync(new PersonalDataQuery(term!), json ? "JSON" : "HTML");
        NoStore();
        var name = $"personal-data-{UkTime.DateOf(result.AtUtc):yyyy-MM-dd}";
        if (json)
            return File(JsonSerializer.SerializeToUtf8Bytes(new
            {
                searchedFor = result.Query.Trimmed, madeUtc = result.AtUtc, council = council.Value.Name,
                modules = result.Modules.Select(m => new { module = m.Module, records = m.Records.Select(r => new { kind = r.Kind, id = r.Id, title = r.Title, whenUtc = r.WhenUtc, fields = r.Fields.ToDictionary(f => f.Label, f => f.Value) }) }),
            }, new JsonSerializerOptions { WriteIndented = true }), "application/json", name + ".json");
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.html\"";
        return View("Export", result);
    }

    [HttpPost("erase/check", Name = DataProtectionRoutes.PersonalDataCheckErase)]
    public async Task<IActionResult> CheckErase(string? term, string module, string kind, string id)
    {
        if (Check(term) is { } problem) return problem;
        var record = await search.FindOneAsync(new PersonalDataQuery(term!), module, kind, id);
        if (record?.Erase is null) return Gone(term!);
        NoStore();
        return View("Erase", new ErasePage(term!.Trim(), module, record, ""));
    }

    [HttpPost("erase", Name = DataProtectionRoutes.PersonalDataErase)]
    public async Task<IActionResult> Erase(string? term, string module, string kind, string id, string? reason)
    {
        if (Check(term) is { } problem) return problem;
        var query = new PersonalDataQuery(term!);
        reason = reason?.Trim() ?? "";
        if (reason.Length == 0 || reason.Length > LongestReason)
        {
            var record = await search.FindOneAsync(query, module, kind, id);
            if (record?.Erase is null) return Gone(term!);
            ModelState.AddModelError("reason", reason.Length == 0 ? "Enter why this record is being erased" : $"The reason must be {LongestReason} characters or fewer");
            return View("Erase", new ErasePage(term!.Trim(), module, record, reason));
        }
        var erased = await search.EraseAsync(query, module, kind, id, reason);
        if (erased is null) return Gone(term!);
        var result = await search.FindAsync(query);
        NoStore();
        return View(nameof(Index), new PersonalDataPage(term!.Trim(), result, $"Erased: {erased.Title}. {erased.Erase}"));
    }

    private IActionResult? Check(string? term)
    {
        if ((term?.Trim().Length ?? 0) >= PersonalDataSearch.ShortestTerm && term!.Trim().Length <= 320) return null;
        ModelState.AddModelError("term", string.IsNullOrWhiteSpace(term)
            ? "Enter a case reference, a child's identifier or an email address"
            : term.Trim().Length < PersonalDataSearch.ShortestTerm ? $"Enter at least {PersonalDataSearch.ShortestTerm} characters, so that the search finds one person's records" : "Enter 320 characters or fewer");
        return View(nameof(Index), new PersonalDataPage(term?.Trim() ?? "", null, null));
    }

    private ViewResult Gone(string term)
    {
        ModelState.AddModelError("term", "That record is no longer found for this search: it may have been erased already. Search again.");
        return View(nameof(Index), new PersonalDataPage(term.Trim(), null, null));
    }

    private void NoStore() => Response.Headers.CacheControl = "no-store";
}
