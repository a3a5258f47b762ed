using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.Scheduling;
using IroPortal.Notifications.Contracts;
using IroPortal.Notifications.Models;
using IroPortal.Notifications.Services;
using IroPortal.Notifications.ViewModels;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Notifications.Controllers;

/// <summary>The IRO manager's side: which reminders go, how many days before and how often; and the report timetable.</summary>
[Area("Notifications")]
public sealed class RemindersController(IEnumerable<IReminderRule> rules, RuleSettingsService settings, JobCatalog catalog, PortalDbContext db, WorkingDays workingDays, TimeProvider clock)
    : Controller
{
    public static readonly IReadOnlyList<string> AudienceRoles = [PortalRoles.IroManager, PortalRoles.Iro, PortalRoles.BoardMember, PortalRoles.SeniorManager];

    [RequirePermission(NotificationPermissions.ManageReminders), HttpGet("/reminders", Name = NotificationRoutes.Reminders)]
    public async Task<IActionResult> Index()
    {
        var rows = new List<RuleRow>();
        foreach (var rule in rules.OrderBy(r => r.Name))
            rows.Add(new RuleRow(rule, await settings.ForAsync(rule), catalog.Find(rule.Key)?.Schedule ?? rule.Schedule));
        return View(rows);
    }

    [RequirePermission(NotificationPermissions.ManageReminders), HttpGet("/reminders/rules/{key}", Name = NotificationRoutes.RemindersEdit)]
    public async Task<IActionResult> Edit(string key)
    {
        if (Find(key) is not { } rule) return NotFound();
        var current = await settings.ForAsync(rule);
        return View(new RuleForm(rule, current.Enabled, current.Values.ToDictionary(v => v.Key, v => v.Value.ToString()), new Dictionary<string, string>()));
    }

    [RequirePermission(NotificationPermissions.ManageReminders), HttpPost("/reminders/rules/{key}", Name = NotificationRoutes.RemindersEdit), AuditsChange("Reminder rule changed")]
    public async Task<IActionResult> Edit(string key, bool enabled, [FromForm] Dictionary<string, string> values)
    {
        if (Find(key) is not { } rule) return NotFound();
        var errors = new Dictionary<string, string>();
        var parsed = new Dictionary<string, int>();
        foreach (var parameter in rule.Parameters)
        {
            var text = values.GetValueOrDefault(parameter.Key)?.Trim();
            if (!int.TryParse(text, out var number) || number < parameter.Min || number > parameter.Max)
                errors[parameter.Key] = $"{parameter.Label} must be a whole number from {parameter.Min} to {parameter.Max}";
            else
                parsed[parameter.Key] = number;
        }
        if (errors.Count > 0)
            return View(new RuleForm(rule, enabled, rule.Parameters.ToDictionary(p => p.Key, p => values.GetValueOrDefault(p.Key) ?? ""), errors));
        await settings.SaveAsync(rule, enabled, parsed, User.DisplayName());
        TempData.Saved = enabled ? $"Saved: {rule.Name}." : $"Saved: {rule.Name} is switched off. Nobody will get it until you switch it on.";
        return RedirectToRoute(NotificationRoutes.Reminders);
    }

    [RequirePermission(NotificationPermissions.ManageReminders), HttpGet("/reminders/timetable", Name = NotificationRoutes.RemindersTimetable)]
    public async Task<IActionResult> Timetable() => View(await TimetablePage(MilestoneForm.Blank(), BoardMeetingForm.Blank()));

    [RequirePermission(NotificationPermissions.ManageReminders), HttpPost("/reminders/timetable", Name = NotificationRoutes.RemindersAddMilestone), AuditsChange("Timetable changed")]
    public async Task<IActionResult> AddMilestone([Bind(Prefix = "Milestone")] MilestoneForm form)
    {
        ModelState.Clear();
        var today = UkTime.Today(clock);
        var title = form.Title?.Trim() ?? "";
        if (title.Length == 0) ModelState.AddModelError("Milestone.Title", "Enter what happens on the day");
        else if (title.Length > 200) ModelState.AddModelError("Milestone.Title", "What happens must be 200 characters or fewer");
        var date = form.Date.Validate(ModelState, "Milestone.Date", "the date", notBefore: today);
        var roles = form.Roles.Where(AudienceRoles.Contains).Distinct().ToList();
        if (roles.Count == 0) ModelState.AddModelError("Milestone.Roles", "Choose who should be reminded");
        if (form.RemindDaysBefore is not (>= 0 and <= 60)) ModelState.AddModelError("Milestone.RemindDaysBefore", "Days before must be a whole number from 0 to 60");
        if (!ModelState.IsValid) return View("Timetable", await TimetablePage(form, BoardMeetingForm.Blank()));

        Add(title, date!.Value, roles, form.RemindDaysBefore!.Value);
        await db.SaveChangesAsync();
        TempData.Saved = $"Added: {title} on {UkTime.Format(date.Value)}.";
        return RedirectToRoute(NotificationRoutes.RemindersTimetable);
    }

    /// <summary>The board meeting and, counted back in working days, when the papers are due to the board clerk.</summary>
    [RequirePermission(NotificationPermissions.ManageReminders), HttpPost("/reminders/timetable/board-meeting", Name = NotificationRoutes.RemindersAddBoardMeeting), AuditsChange("Board meeting added to the timetable")]
    public async Task<IActionResult> AddBoardMeeting([Bind(Prefix = "Board")] BoardMeetingForm form)
    {
        ModelState.Clear();
        var today = UkTime.Today(clock);
        var meeting = form.MeetingDate.Validate(ModelState, "Board.MeetingDate", "the meeting date", notBefore: today);
        if (form.PapersWorkingDaysBefore is not (>= 1 and <= 30))
            ModelState.AddModelError("Board.PapersWorkingDaysBefore", "Working days before must be a whole number from 1 to 30");
        DateOnly papersDue = default;
        if (ModelState.IsValid)
        {
            papersDue = workingDays.Subtract(meeting!.Value, form.PapersWorkingDaysBefore!.Value);
            if (papersDue < today)
                ModelState.AddModelError("Board.PapersWorkingDaysBefore", $"The papers would have been due on {UkTime.Format(papersDue)}, which has passed. Choose fewer working days or a later meeting");
        }
        if (!ModelState.IsValid) return View("Timetable", await TimetablePage(MilestoneForm.Blank(), form));

        Add("Corporate parenting board meeting", meeting!.Value, [PortalRoles.BoardMember, PortalRoles.IroManager], 7);
        Add("Annual report papers due to the board clerk", papersDue, [PortalRoles.IroManager, PortalRoles.SeniorManager], 10);
        await db.SaveChangesAsync();
        TempData.Saved = $"Added: the board meeting on {UkTime.Format(meeting.Value)}, and the papers due to the board clerk on {UkTime.Format(papersDue)}.";
        return RedirectToRoute(NotificationRoutes.RemindersTimetable);
    }

    [RequirePermission(NotificationPermissions.ManageReminders), HttpPost("/reminders/timetable/{id:guid}/remove", Name = NotificationRoutes.RemindersRemoveMilestone), AuditsChange("Timetable date removed")]
    public async Task<IActionResult> RemoveMilestone(Guid id)
    {
        var milestone = await db.Set<Milestone>().SingleOrDefaultAsync(m => m.Id == id);
        if (milestone is null) return NotFound();
        db.Remove(milestone);
        await db.SaveChangesAsync();
        TempData.Saved = $"Removed: {milestone.Title} on {UkTime.Format(milestone.Date)}. Nobody will be reminded of it.";
        return RedirectToRoute(NotificationRoutes.RemindersTimetable);
    }

    private IReminderRule? Find(string key) => rules.FirstOrDefault(r => r.Key == key);

    private void Add(string title, DateOnly date, IEnumerable<string> roles, int remindDaysBefore) => db.Add(new Milestone
    {
        Id = Guid.NewGuid(), Title = title, Date = date, Roles = string.Join('|', roles), RemindDaysBefore = remindDaysBefore,
        CreatedBy = User.DisplayName(), CreatedUtc = clock.GetUtcNow().UtcDateTime,
    });

    private async Task<TimetablePage> TimetablePage(MilestoneForm milestone, BoardMeetingForm board)
    {
        var today = UkTime.Today(clock);
        var milestones = await db.Set<Milestone>().AsNoTracking().OrderBy(m => m.Date).ToListAsync();
        return new TimetablePage(milestones.Where(m => m.Date >= today).ToList(), milestones.Where(m => m.Date < today).Reverse().Take(20).ToList(), milestone, board);
    }
}
