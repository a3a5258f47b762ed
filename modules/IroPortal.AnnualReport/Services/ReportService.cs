using IroPortal.AnnualReport.Contracts;
using IroPortal.AnnualReport.Models;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.AnnualReport.Services;

/// <param name="Saved">False when someone else saved the section after the editor opened it.</param>
public sealed record SectionSave(bool Saved, ReportSection Current);

/// <summary>Every change to a report goes through here, so every change is a version with who, when and what.</summary>
public sealed class ReportService(PortalDbContext db, FigureBlocks figures, IEnumerable<ICarriedActions> carriedActions, IAuditTrail audit, TimeProvider clock)
{
    public const int MaxTitle = 200;
    public const int MaxBody = 100_000;

    public Task<Report?> FindAsync(int yearStart) =>
        db.Set<Report>().Include(r => r.Sections).Include(r => r.Progress).SingleOrDefaultAsync(r => r.YearStart == yearStart);

    /// <summary>Starts a year's report from the standard outline, with last year's priorities carried over.</summary>
    public async Task<Report> CreateAsync(int yearStart, string by)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var report = new Report { Id = Guid.CreateVersion7(), YearStart = yearStart, Status = ReportStatus.Draft, CreatedUtc = now };
        var position = 0;
        foreach (var section in ReportOutline.Standard)
            report.Sections.Add(new ReportSection
            {
                Id = Guid.CreateVersion7(), ReportId = report.Id, Key = section.Key, Title = section.Title, Position = position++,
                Body = section.Starter + figures.StarterFor(section.Key), UpdatedUtc = now, UpdatedByName = by,
            });
        var lastYear = await db.Set<Report>().AsNoTracking().Include(r => r.Sections).SingleOrDefaultAsync(r => r.YearStart == yearStart - 1);
        var priorities = CarriedPriorities(lastYear);
        report.Progress.AddRange(priorities.Select((text, i) => new PriorityProgress { Id = Guid.CreateVersion7(), ReportId = report.Id, Position = i, Priority = text }));
        db.Add(report);
        var actions = await CarryActionsAsync(report);
        await SaveVersionAsync(report, "Started from the standard outline"
            + (priorities.Count == 0 ? "" : $"; {priorities.Count} of last year's priorities carried over")
            + (actions == 0 ? "" : $"; {actions} of the board's actions carried over"), by);
        await audit.RecordAsync("Annual report started", ReportingYear.Name(yearStart));
        return report;
    }

    /// <summary>Brings the board's actions on last year's report into "progress on last year's priorities", each
    /// with what became of it so far. Runs while the report can change; at approval their state is frozen with it.</summary>
    public async Task RefreshCarriedActionsAsync(Report report, string by)
    {
        if (!ReportWorkflow.CanEdit(report.Status)) return;
        var added = await CarryActionsAsync(report);
        if (added > 0)
            await SaveVersionAsync(report, $"Carried over {added} of the board's actions on last year's report", by);
        else
            await db.SaveChangesAsync();
    }

    /// <returns>How many actions were new to the report. Nothing is saved.</returns>
    private async Task<int> CarryActionsAsync(Report report)
    {
        var actions = new List<CarriedAction>();
        foreach (var source in carriedActions)
            actions.AddRange(await source.OnReportAsync(report.YearStart - 1));
        var carried = report.Progress.Where(p => p.BoardActionId is not null).ToDictionary(p => p.BoardActionId!.Value);
        var added = 0;
        foreach (var action in actions)
        {
            if (!carried.Remove(action.Id, out var item))
            {
                item = new PriorityProgress
                {
                    Id = Guid.CreateVersion7(), ReportId = report.Id, BoardActionId = action.Id,
                    Position = report.Progress.Count == 0 ? 0 : report.Progress.Max(p => p.Position) + 1,
                };
                report.Progress.Add(item);
                db.Add(item);
                added++;
            }
            item.Priority = Shorten("The board's action: " + action.What, 1000);
            item.Detail = ActionDetail(action);
        }
        // An action the board's record no longer has goes too, unless the manager has already written about it.
        foreach (var gone in carried.Values.Where(p => p.Update.Length == 0))
        {
            report.Progress.Remove(gone);
            db.Remove(gone);
        }
        return added;
    }

    private static string ActionDetail(CarriedAction action)
    {
        var lines = new List<string> { $"{action.State}. Owner: {action.OwnerName}. Due {UkTime.Format(action.Due)}." + (action.SectionTitle is { } s ? $" About \u201c{s}\u201d." : "") };
        lines.AddRange(action.Updates.Select(u => $"{UkTime.Format(UkTime.DateOf(u.PostedUtc))}, {u.ByName}: {u.Text}"));
        return Shorten(string.Join("\n", lines), 8000);
    }

    /// <summary>The items of last year's "Priorities for next year", each to be reported on this year.</summary>
    public static IReadOnlyList<string> CarriedPriorities(Report? lastYear) =>
        lastYear?.Sections.FirstOrDefault(s => s.Key == ReportOutline.PrioritiesNext) is { } section ? ReportMarkdown.ListItems(section.Body) : [];

    public async Task<SectionSave> SaveSectionAsync(Report report, ReportSection section, string body, int expectedRevision, string by)
    {
        if (section.Revision != expectedRevision) return new(false, section);
        section.Body = body;
        Touch(section, by);
        try
        {
            await SaveVersionAsync(report, $"Edited \u201c{section.Title}\u201d", by);
            return new(true, section);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: nothing of ours was written; show theirs.
            db.ChangeTracker.Clear();
            var current = await db.Set<ReportSection>().AsNoTracking().SingleAsync(s => s.Id == section.Id);
            return new(false, current);
        }
    }

    public async Task AddSectionAsync(Report report, string title, string by)
    {
        var section = new ReportSection
        {
            Id = Guid.CreateVersion7(), ReportId = report.Id, Title = title, Position = report.Sections.Count == 0 ? 0 : report.Sections.Max(s => s.Position) + 1,
        };
        Touch(section, by);
        report.Sections.Add(section);
        db.Add(section);
        await SaveVersionAsync(report, $"Added the section \u201c{title}\u201d", by);
    }

    public async Task RenameSectionAsync(Report report, ReportSection section, string title, string by)
    {
        var old = section.Title;
        section.Title = title;
        Touch(section, by);
        await SaveVersionAsync(report, $"Renamed \u201c{old}\u201d to \u201c{title}\u201d", by);
    }

    public async Task MoveSectionAsync(Report report, ReportSection section, bool up, string by)
    {
        var ordered = report.Sections.OrderBy(s => s.Position).ToList();
        var index = ordered.IndexOf(section);
        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= ordered.Count) return;
        (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i;
        await SaveVersionAsync(report, $"Moved \u201c{section.Title}\u201d {(up ? "up" : "down")}", by);
    }

    public async Task RemoveSectionAsync(Report report, ReportSection section, string by)
    {
        report.Sections.Remove(section);
        db.Remove(section);
        await SaveVersionAsync(report, $"Removed the section \u201c{section.Title}\u201d", by);
    }

    public async Task UpdateProgressAsync(Report report, PriorityProgress item, string update, string by)
    {
        item.Update = update;
        item.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        item.UpdatedByName = by;
        await SaveVersionAsync(report, $"Updated progress on \u201c{Shorten(item.Priority)}\u201d", by);
    }

    /// <summary>Makes an earlier version's words current again, as a new version: nothing is lost by restoring.</summary>
    public async Task RestoreAsync(Report report, ReportVersion version, string by)
    {
        var snapshot = ReportSnapshot.FromJson(version.Snapshot);
        var wanted = snapshot.Sections.Select(s => s.Id).ToHashSet();
        foreach (var gone in report.Sections.Where(s => !wanted.Contains(s.Id)).ToList())
        {
            report.Sections.Remove(gone);
            db.Remove(gone);
        }
        for (var i = 0; i < snapshot.Sections.Count; i++)
        {
            var saved = snapshot.Sections[i];
            var section = report.Sections.SingleOrDefault(s => s.Id == saved.Id);
            if (section is null)
            {
                section = new ReportSection { Id = saved.Id, ReportId = report.Id, Key = saved.Key };
                report.Sections.Add(section);
                db.Add(section);
            }
            if (section.Title != saved.Title || section.Body != saved.Body || section.Position != i) Touch(section, by);
            (section.Title, section.Body, section.Position) = (saved.Title, saved.Body, i);
        }
        foreach (var item in report.Progress)
            if (snapshot.Progress.SingleOrDefault(p => p.Id == item.Id) is { } saved && saved.Update != item.Update)
                item.Update = saved.Update;
        await SaveVersionAsync(report, $"Restored version {version.Number}", by);
    }

    public async Task MoveAsync(Report report, ReportStatus to, string by)
    {
        if (!ReportWorkflow.CanMove(report.Status, to))
            throw new InvalidOperationException($"A report that is {ReportWorkflow.Name(report.Status)} cannot become {ReportWorkflow.Name(to)}.");
        if (to == ReportStatus.Approved)
        {
            await RefreshCarriedActionsAsync(report, by);
            // Freeze every figures block's values: a later import must not change what was approved.
            report.FrozenFigures = FigureBlocks.Freeze(await figures.BuildAsync(report.YearStart));
            report.ApprovedUtc = clock.GetUtcNow().UtcDateTime;
            report.ApprovedByName = by;
        }
        var reopening = report.Status == ReportStatus.Approved;
        if (to == ReportStatus.Draft) report.SharedWithIros = false;
        if (reopening) report.FrozenFigures = null; // live again while it is corrected; frozen anew at approval
        report.Status = to;
        await SaveVersionAsync(report, to switch
        {
            ReportStatus.InReview => "Sent for review",
            ReportStatus.Draft when reopening => "Reopened for a correction",
            ReportStatus.Draft => "Taken back to draft",
            _ => "Approved; its text and figures are now frozen",
        }, by);
        await audit.RecordAsync(reopening ? "Annual report reopened for a correction" : "Annual report " + ReportWorkflow.Name(to).ToLowerInvariant(), ReportingYear.Name(report.YearStart));
    }

    public async Task ShareWithIrosAsync(Report report, bool share)
    {
        report.SharedWithIros = share;
        await db.SaveChangesAsync();
    }

    public async Task CommentAsync(ReportSection section, string text, Guid authorId, string authorName)
    {
        db.Add(new SectionComment { Id = Guid.CreateVersion7(), SectionId = section.Id, AuthorId = authorId, AuthorName = authorName, Text = text, CreatedUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
    }

    private void Touch(ReportSection section, string by)
    {
        section.Revision++;
        section.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        section.UpdatedByName = by;
    }

    private async Task SaveVersionAsync(Report report, string change, string by)
    {
        report.CurrentVersion++;
        db.Add(new ReportVersion
        {
            Id = Guid.CreateVersion7(), ReportId = report.Id, Number = report.CurrentVersion, SavedUtc = clock.GetUtcNow().UtcDateTime,
            SavedByName = by, Change = change.Length > 500 ? change[..497] + "..." : change, Snapshot = ReportSnapshot.Of(report).ToJson(),
        });
        await db.SaveChangesAsync();
    }

    private static string Shorten(string text, int length = 80) => text.Length <= length ? text : text[..(length - 3)] + "...";
}
