using Microsoft.AspNetCore.Mvc;

namespace IroPortal.DataProtection.Services;

/// <summary>The privacy notice a feedback form shows before its questions: <c>@await Component.InvokeAsync("PrivacyNotice", new { forChild })</c>.</summary>
public sealed class PrivacyNoticeViewComponent(Statements statements) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(bool forChild) =>
        View(await statements.ReadAsync(forChild ? Statements.ChildrenNotice : Statements.AdultsNotice));
}
