using IroPortal.Modularity;
using IroPortal.Modularity.Api;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.OpenId.Contracts;
using IroPortal.OpenId.Services;
using IroPortal.OpenId.ViewModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace IroPortal.OpenId.Controllers;

/// <summary>The council's systems that reach the portal's API: registered with the scopes each may use, a secret
/// shown once, rotated and revoked here; every change goes to the audit trail.</summary>
[Area("OpenId")]
[Route("admin/api-clients")]
[RequirePermission(OpenIdPermissions.ManageApiClients)]
public sealed class ApiClientsController(ApiClients clients, Microsoft.Extensions.Options.IOptions<OpenIdOptions> options) : Controller
{
    [HttpGet("", Name = OpenIdRoutes.ApiClients)]
    public async Task<IActionResult> Index() => View(new ApiClientsPage(await clients.ListAsync(HttpContext.RequestAborted), clients.AllScopes, new RegisterForm(), options.Value.AccessTokenMinutes));

    [HttpPost("", Name = OpenIdRoutes.ApiClientsRegister)]
    public async Task<IActionResult> Register(RegisterForm form)
    {
        var known = clients.AllScopes.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        form.Name = form.Name?.Trim();
        if (string.IsNullOrEmpty(form.Name))
            ModelState.AddModelError("Form.Name", "Enter the system's name, such as \"Case management system\"");
        else if (form.Name.Length > 200)
            ModelState.AddModelError("Form.Name", "The name must be 200 characters or fewer");
        var scopes = form.Scopes.Where(known.Contains).Distinct().ToList();
        if (scopes.Count == 0)
            ModelState.AddModelError("Form.Scopes", "Choose what the system may do");
        if (ModelState.IsValid)
        {
            try
            {
                var issued = await clients.RegisterAsync(form.Name!, scopes, User.DisplayName(), form.Certificate, HttpContext.RequestAborted);
                return SecretPage(issued, isNew: true);
            }
            catch (RegistrationRefusedException refused)
            {
                ModelState.AddModelError($"Form.{refused.Field}", refused.Message);
            }
        }
        return View("Index", new ApiClientsPage(await clients.ListAsync(HttpContext.RequestAborted), clients.AllScopes, form, options.Value.AccessTokenMinutes));
    }

    [HttpPost("{clientId}/rotate", Name = OpenIdRoutes.ApiClientsRotate)]
    public async Task<IActionResult> Rotate(string clientId)
    {
        var issued = await clients.RotateAsync(clientId, HttpContext.RequestAborted);
        return issued is null ? NotFound() : SecretPage(issued, isNew: false);
    }

    [HttpGet("{clientId}/revoke", Name = OpenIdRoutes.ApiClientsRevoke)]
    public async Task<IActionResult> Revoke(string clientId) =>
        await clients.FindAsync(clientId, HttpContext.RequestAborted) is { } client ? View(client) : NotFound();

    [HttpPost("{clientId}/revoke", Name = OpenIdRoutes.ApiClientsRevokeConfirmed)]
    public async Task<IActionResult> RevokeConfirmed(string clientId)
    {
        var client = await clients.FindAsync(clientId, HttpContext.RequestAborted);
        if (client is null || !await clients.RevokeAsync(clientId, HttpContext.RequestAborted)) return NotFound();
        TempData.Saved = $"{client.Name} was revoked: its tokens no longer work and its secret cannot get new ones.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>What the API offers, for the administrator and the council's developers.</summary>
    [HttpGet("reference", Name = OpenIdRoutes.ApiClientsReference)]
    public IActionResult Reference([FromServices] IApiDescriptionGroupCollectionProvider descriptions)
    {
        var endpoints = descriptions.ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true)
            .OrderBy(d => d.RelativePath, StringComparer.Ordinal).ThenBy(d => d.HttpMethod)
            .Select(d => new ApiReferenceEntry(d.HttpMethod ?? "GET", "/" + d.RelativePath,
                d.ActionDescriptor.EndpointMetadata.OfType<RequireScopeAttribute>().Select(s => s.Scope).ToList(),
                d.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IEndpointSummaryMetadata>().FirstOrDefault()?.Summary ?? "",
                d.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IEndpointDescriptionMetadata>().FirstOrDefault()?.Description ?? "",
                d.SupportedResponseTypes.Select(r => r.StatusCode).Distinct().Order().ToList()))
            .ToList();
        return View(new ApiReferencePage(endpoints, clients.AllScopes, $"{Request.Scheme}://{Request.Host}{Request.PathBase}"));
    }

    private ViewResult SecretPage(IssuedSecret issued, bool isNew)
    {
        // The secret is on this page once; it must not stay in a cache or the browser's history.
        Response.Headers.CacheControl = "no-store";
        return View("Secret", new SecretPage(issued, isNew, $"{Request.Scheme}://{Request.Host}{Request.PathBase}"));
    }
}
