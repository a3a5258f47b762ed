using System.Security.Claims;
using IroPortal.Modularity;
using IroPortal.Modularity.Hosting;
using IroPortal.Modularity.Permissions;
using IroPortal.OpenId.Contracts;
using IroPortal.OpenId.Services;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Client.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IroPortal.OpenId.Controllers;

/// <summary>Signing in with the council's account: off to the provider, and back.</summary>
[Area("OpenId")]
[Public]
public sealed class CouncilSignInController(
    IOptions<CouncilSignInOptions> options,
    CouncilSignIn council,
    IExternalSignIn signIn,
    ILogger<CouncilSignInController> logger) : Controller
{
    private const string Scheme = OpenIddictClientAspNetCoreDefaults.AuthenticationScheme;
    private CouncilSignInOptions Council => options.Value;

    [HttpPost("/account/council", Name = OpenIdRoutes.CouncilSignInStart), EnableRateLimiting(RateLimitPolicies.SignIn)]
    public async Task<IActionResult> Start(string? returnUrl)
    {
        if (!Council.IsConfigured) return NotFound();
        var properties = new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictClientAspNetCoreConstants.Properties.ProviderName] = Council.ProviderName,
            // The provider sends the person back with a plain GET, never a cross-site form post.
            [OpenIddictClientAspNetCoreConstants.Properties.ResponseMode] = ResponseModes.Query,
        })
        {
            RedirectUri = ReturnAddress.LocalOr(returnUrl, Url.RouteUrl("Home.StaffHome.Index")!),
        };
        // OpenIddict writes its own plain-text error when the provider cannot be used; that goes to a buffer, so the
        // person gets the portal's page instead.
        var body = Response.Body;
        using var buffer = new MemoryStream();
        Response.Body = buffer;
        try
        {
            await HttpContext.ChallengeAsync(Scheme, properties);
            if (Response.StatusCode == StatusCodes.Status302Found) return new EmptyResult();
            logger.LogWarning("The council's sign-in could not start: {Error} {Description}",
                HttpContext.GetOpenIddictClientResponse()?.Error, HttpContext.GetOpenIddictClientResponse()?.ErrorDescription);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The council's sign-in provider could not be reached");
        }
        finally
        {
            Response.Body = body;
        }
        // The provider could not be reached, or did not answer as the council's provider: the portal's own sign-in still works.
        Response.Clear();
        return Failed("The council's sign-in is not answering at the moment, so you cannot sign in with it now. Try again later, or sign in with a portal password if you have one.", 503);
    }

    [HttpGet("/" + CouncilSignInOptions.CallbackPath)]
    public async Task<IActionResult> Callback()
    {
        if (!Council.IsConfigured) return NotFound();
        AuthenticateResult result;
        try
        {
            result = await HttpContext.AuthenticateAsync(Scheme);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The council's sign-in could not be completed");
            return Failed("The council's sign-in could not be completed: it did not answer the portal. Try again later, or sign in with a portal password if you have one.", 503);
        }
        if (!result.Succeeded || result.Principal is null)
        {
            // Refused by OpenIddict (a replayed or forged state, a token for another client or issuer, an expired
            // code) or by the provider (the person cancelled): the log has which.
            var response = HttpContext.GetOpenIddictClientResponse();
            var error = response?.Error ?? result.Properties?.GetString(OpenIddictClientAspNetCoreConstants.Properties.Error);
            var description = response?.ErrorDescription ?? result.Properties?.GetString(OpenIddictClientAspNetCoreConstants.Properties.ErrorDescription) ?? result.Failure?.Message;
            logger.LogWarning("Council sign-in refused: {Error} {Description}", error, description);
            return Failed(error == Errors.AccessDenied
                ? "The council's sign-in was cancelled, so you are not signed in."
                : "The council's sign-in did not complete, so you are not signed in. Start again from the sign-in page.", 400);
        }

        var principal = result.Principal;
        var subject = principal.FindFirst(Claims.Subject) ?? principal.FindFirst(ClaimTypes.NameIdentifier);
        if (subject is null) return Failed("The council's sign-in did not say who you are, so you are not signed in.", 400);
        var groups = principal.FindAll(Council.GroupsClaim).Select(c => c.Value).ToList();
        var amr = principal.FindAll(Claims.AuthenticationMethodReference).Select(c => c.Value).ToList();
        var verified = Council.EmailsAreVerified || string.Equals(principal.FindFirst(Claims.EmailVerified)?.Value, "true", StringComparison.OrdinalIgnoreCase);
        var person = new ExternalIdentity(
            Provider: Council.IssuerKey,
            ProviderName: Council.DisplayName,
            Subject: subject.Value,
            Email: (principal.FindFirst(Claims.Email) ?? principal.FindFirst(ClaimTypes.Email))?.Value,
            EmailVerified: verified,
            Name: (principal.FindFirst(Claims.Name) ?? principal.FindFirst(ClaimTypes.Name))?.Value,
            UsedMultiFactor: Council.AlwaysRequiresMultiFactor || amr.Contains("mfa"),
            RolesFromGroups: await council.RolesForGroupsAsync(groups, HttpContext.RequestAborted));
        var returnUrl = ReturnAddress.LocalOr(result.Properties?.RedirectUri, Url.RouteUrl("Home.StaffHome.Index")!);
        var outcome = await signIn.SignInAsync(person, HttpContext.RequestAborted);
        return outcome.Outcome switch
        {
            ExternalSignInOutcome.SignedIn => LocalRedirect(returnUrl),
            ExternalSignInOutcome.NeedsCode => RedirectToRoute(AccountRoutes.AccountTwoFactor, new { returnUrl }),
            _ => Failed(outcome.Reason!, 403),
        };
    }

    /// <summary>After the portal's session has ended, the provider's, where the administrator chose that.</summary>
    [HttpGet(CouncilSignIn.ProviderSignOutPath)]
    public async Task<IActionResult> SignOutOfProvider()
    {
        if (!Council.IsConfigured || User.Identity?.IsAuthenticated == true) return RedirectToRoute(AccountRoutes.AccountSignedOut);
        try
        {
            await HttpContext.SignOutAsync(Scheme, new AuthenticationProperties(new Dictionary<string, string?> { [OpenIddictClientAspNetCoreConstants.Properties.ProviderName] = Council.ProviderName })
            {
                RedirectUri = Url.RouteUrl(AccountRoutes.AccountSignedOut),
            });
            return new EmptyResult();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The council's sign-in provider could not be reached to sign out");
            Response.Clear();
            return RedirectToRoute(AccountRoutes.AccountSignedOut);
        }
    }

    [HttpGet("/" + CouncilSignInOptions.SignedOutPath)]
    public async Task<IActionResult> SignedOutOfProvider()
    {
        if (Council.IsConfigured)
            try { await HttpContext.AuthenticateAsync(Scheme); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogInformation(ex, "Return from the provider's sign-out not recognised"); }
        return RedirectToRoute(AccountRoutes.AccountSignedOut);
    }

    private ViewResult Failed(string message, int status)
    {
        Response.StatusCode = status;
        return View("Failed", message);
    }
}
