using IroPortal.DataProtection.Contracts;
using IroPortal.DataProtection.Services;
using IroPortal.DataProtection.ViewModels;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.DataProtection.Controllers;

/// <summary>The administrator words the privacy notices and the accessibility statement.</summary>
[Area("DataProtection")]
[Route("admin/statements")]
[RequirePermission(DataProtectionPermissions.EditStatements)]
public sealed class StatementsController(Statements statements) : Controller
{
    [HttpGet("", Name = DataProtectionRoutes.Statements)]
    public async Task<IActionResult> Index()
    {
        var all = new List<StatementText>();
        foreach (var kind in Statements.All) all.Add(await statements.ForEditingAsync(kind));
        return View(all);
    }

    [HttpGet("{key}", Name = DataProtectionRoutes.StatementsEdit)]
    public async Task<IActionResult> Edit(string key) =>
        Statements.Find(key) is { } kind ? View(new StatementEditPage(await statements.ForEditingAsync(kind), null)) : NotFound();

    [HttpPost("{key}", Name = DataProtectionRoutes.StatementsEdit)]
    public async Task<IActionResult> Edit(string key, string? text, bool useDefault = false)
    {
        if (Statements.Find(key) is not { } kind) return NotFound();
        text = useDefault ? "" : text ?? "";
        if (text.Length > Statements.LongestText)
        {
            ModelState.AddModelError("text", $"The words must be {Statements.LongestText:N0} characters or fewer; these are {text.Length:N0}");
            return View(new StatementEditPage(await statements.ForEditingAsync(kind), text));
        }
        if (!useDefault && string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError("text", "Enter the words, or choose to use the portal's default");
            return View(new StatementEditPage(await statements.ForEditingAsync(kind), text));
        }
        if (Statements.WhatIdentifies(text) is { Count: > 0 } found)
        {
            ModelState.AddModelError("text", $"Anyone can read this page, so it must not identify a child. Take out {string.Join(", ", found)}");
            return View(new StatementEditPage(await statements.ForEditingAsync(kind), text));
        }
        await statements.SaveAsync(kind, text, User.Identity!.Name!);
        TempData.Saved = useDefault ? $"{kind.Title}: back to the portal's default." : $"{kind.Title}: saved.";
        return RedirectToAction(nameof(Index));
    }
}
