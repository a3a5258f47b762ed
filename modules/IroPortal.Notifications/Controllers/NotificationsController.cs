using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Notifications.Contracts;
using IroPortal.Notifications.Services;
using IroPortal.Notifications.ViewModels;
using Microsoft.AspNetCore.Mvc;

namespace IroPortal.Notifications.Controllers;

/// <summary>Everyone's own notifications, and how they want reminders by email.</summary>
[Area("Notifications")]
public sealed class NotificationsController(Inbox inbox) : Controller
{
    private Guid Me => User.UserId() ?? Guid.Empty;

    [SignedIn, HttpGet("/notifications", Name = NotificationRoutes.Notifications)]
    public async Task<IActionResult> Index() => View(await inbox.ListAsync(Me));

    /// <summary>Opens the notification's subject and marks it read.</summary>
    [SignedIn, HttpGet("/notifications/{id:guid}", Name = NotificationRoutes.Open)]
    public async Task<IActionResult> Open(Guid id)
    {
        var notification = await inbox.ReadAsync(Me, id);
        if (notification is null) return NotFound();
        return LocalRedirect(ReturnAddress.LocalOr(notification.Link, Url.RouteUrl(NotificationRoutes.Notifications)!));
    }

    [SignedIn, HttpPost("/notifications/{id:guid}/read", Name = NotificationRoutes.MarkRead)]
    public async Task<IActionResult> MarkRead(Guid id)
    {
        if (await inbox.ReadAsync(Me, id) is null) return NotFound();
        return RedirectToRoute(NotificationRoutes.Notifications);
    }

    [SignedIn, HttpPost("/notifications/read-all", Name = NotificationRoutes.MarkAllRead)]
    public async Task<IActionResult> MarkAllRead()
    {
        var count = await inbox.ReadAllAsync(Me);
        TempData.Saved = count == 1 ? "1 notification marked as read." : $"{count} notifications marked as read.";
        return RedirectToRoute(NotificationRoutes.Notifications);
    }

    [SignedIn, HttpGet("/notifications/preferences", Name = NotificationRoutes.Preferences)]
    public async Task<IActionResult> Preferences() => View(new PreferencesForm { Delivery = await inbox.WantsDigestAsync(Me) ? "digest" : "immediate" });

    [SignedIn, HttpPost("/notifications/preferences", Name = NotificationRoutes.Preferences)]
    public async Task<IActionResult> Preferences(PreferencesForm form)
    {
        ModelState.Clear();
        if (form.Delivery is not ("immediate" or "digest"))
        {
            ModelState.AddModelError(nameof(form.Delivery), "Choose how you want reminders by email");
            return View(form);
        }
        await inbox.SetDigestAsync(Me, form.Delivery == "digest");
        TempData.Saved = form.Delivery == "digest"
            ? "Saved: reminders that are not urgent will come in one email each morning. Urgent ones still come at once."
            : "Saved: each reminder will come by email as it happens.";
        return RedirectToRoute(NotificationRoutes.Preferences);
    }
}
