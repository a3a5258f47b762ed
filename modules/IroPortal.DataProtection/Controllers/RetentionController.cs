using IroPortal.DataProtection.Contracts;
using IroPortal.DataProtection.Services;
using IroPortal.DataProtection.ViewModels;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.PersonalData;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.DataProtection.Controllers;

/// <summary>How long each kind of record is kept; what disposal would remove; the administrator's confirmation; the log.</summary>
[Area("DataProtection")]
[Route("admin/retention")]
[RequirePermission(DataProtectionPermissions.ManageRetention)]
public sealed class RetentionController(RetentionService retention) : Controller
{
    [HttpGet("", Name = DataProtectionRoutes.Retention)]
    public async Task<IActionResult> Index() => View(await PageAsync(null));

    /// <summary>Every period as days, by kind ("days[qa.feedback-answers]=730").</summary>
    [HttpPost("", Name = DataProtectionRoutes.RetentionSave)]
    public async Task<IActionResult> Save([FromForm] Dictionary<string, string> days)
    {
        var state = await retention.StateAsync();
        var parsed = new Dictionary<string, int>();
        foreach (var line in state.Lines)
        {
            var given = days.GetValueOrDefault(line.Kind.Key)?.Trim() ?? "";
            if (int.TryParse(given, out var value) && value is >= 1 and <= RetentionService.MaxDays) parsed[line.Kind.Key] = value;
            else ModelState.AddModelError($"days[{line.Kind.Key}]", given.Length == 0
                ? $"Enter how many days to keep {line.Kind.Name.ToLowerInvariant()}"
                : $"The period for {line.Kind.Name.ToLowerInvariant()} must be a whole number of days from 1 to {RetentionService.MaxDays}");
        }
        if (!ModelState.IsValid) return View(nameof(Index), await PageAsync(days));
        var changed = await retention.SetAsync(parsed, User.Identity!.Name!);
        TempData.Saved = changed.Count == 0 ? "Nothing changed." : "Saved. Check what the disposal job would now remove, then confirm it below.";
        return RedirectToAction(nameof(Index), null, "preview");
    }

    [HttpPost("confirm", Name = DataProtectionRoutes.RetentionConfirm)]
    public async Task<IActionResult> Confirm(int version)
    {
        if (!await retention.ConfirmAsync(version, User.Identity!.Name!))
        {
            TempData.Saved = "The periods changed while you were reading: check the new preview before confirming.";
            return RedirectToAction(nameof(Index), null, "preview");
        }
        TempData.Saved = "Confirmed. The disposal job removes what is past its period every night at 3:30am.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Runs the disposal now rather than tonight (once confirmed).</summary>
    [HttpPost("run", Name = DataProtectionRoutes.RetentionRun)]
    public async Task<IActionResult> Run()
    {
        var run = await retention.DisposeAsync(User.Identity!.Name!);
        TempData.Saved = run is null ? "Nothing was removed: confirm the current periods first." : $"Disposal ran: {run.Total} record(s) deleted or anonymised.";
        return RedirectToAction(nameof(Index), null, "runs");
    }

    private async Task<RetentionPage> PageAsync(IReadOnlyDictionary<string, string>? typed) =>
        new(await retention.StateAsync(), await retention.PreviewAsync(), await retention.RunsAsync(20), typed);
}
