using IroPortal.AnnualReport.Contracts;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.Scheduling;
using IroPortal.Publishing.Models;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IroPortal.Publishing.Services;

public sealed record CheckedFinding(GuardFinding Finding, GuardOverride? Override)
{
    /// <summary>Stops publishing: a finding not overridden, or an output the guard could not read (never overridden).</summary>
    public bool Outstanding => Finding.Effect == FindingEffect.Unreadable || Finding.Effect == FindingEffect.Blocks && Override is null;
}

/// <summary>What the privacy guard says of a release that would be published now.</summary>
/// <param name="Rules">The approvals and case references it was checked with, and the overrides it met, so that the
/// PDF printed at publication is read against the same.</param>
public sealed record GuardState(ReleaseDraft Draft, IReadOnlyList<CheckedFinding> Findings, GuardRules Rules, IReadOnlyDictionary<string, GuardOverride> Overrides)
{
    public int Outstanding => Findings.Count(f => f.Outstanding);
}

/// <param name="Release">The release, or null when it was refused; <paramref name="Problem"/> says why.</param>
public sealed record PublishResult(Release? Release, string? Problem);

/// <summary>Publishing a year's report: the checks before, the frozen release, and what follows it (the cache, the board).</summary>
public sealed class PublishingService(PortalDbContext db, IApprovedReports reports, ReleaseComposer composer, PdfPrinter printer, PublicCache cache,
    IAuditTrail audit, IStaffDirectory staff, IOptions<CouncilOptions> council, IServiceProvider services, TimeProvider clock)
{
    public Task<ApprovedReport?> ApprovedAsync(int year, CancellationToken cancellationToken = default) => reports.FindAsync(year, cancellationToken);

    public async Task<IReadOnlySet<Guid>> BoardOnlyAsync(int year, CancellationToken cancellationToken = default) =>
        (await db.Set<BoardOnlySection>().AsNoTracking().Where(b => b.YearStart == year).Select(b => b.SectionId).ToListAsync(cancellationToken)).ToHashSet();

    public async Task<GuardState> CheckAsync(ApprovedReport report, Audience audience, CancellationToken cancellationToken = default)
    {
        var overrides = await OverridesAsync(report.YearStart, audience, cancellationToken);
        var rules = await RulesAsync(cancellationToken);
        var draft = composer.Compose(report, audience, Title(report.YearStart, audience), await BoardOnlyAsync(report.YearStart, cancellationToken), rules, overrides.ContainsKey);
        return new(draft, Checked(draft.Findings, overrides), rules, overrides);
    }

    public static IReadOnlyList<CheckedFinding> Checked(IEnumerable<GuardFinding> findings, IReadOnlyDictionary<string, GuardOverride> overrides) =>
        findings.Select(f => new CheckedFinding(f, f.Effect == FindingEffect.Unreadable ? null : overrides.GetValueOrDefault(f.Key))).ToList();

    /// <summary>Adds every member of staff's and of the board's name to the approved list.</summary>
    /// <returns>How many were not approved before.</returns>
    public async Task<int> ApproveStaffNamesAsync(string by, CancellationToken cancellationToken = default)
    {
        var known = (await db.Set<ApprovedName>().Select(n => n.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = 0;
        foreach (var role in PortalRoles.All)
            foreach (var person in await staff.InRoleAsync(role, cancellationToken))
                if (known.Add(person.DisplayName))
                {
                    db.Add(new ApprovedName { Id = Guid.CreateVersion7(), Name = person.DisplayName, IsPerson = true, AddedUtc = clock.GetUtcNow().UtcDateTime, AddedByName = by });
                    added++;
                }
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); } // the same names approved twice at once: one is enough
        return added;
    }

    /// <summary>What the guard lets through: approved people as whole names; approved words and the council's own
    /// name as not names (the sector's bodies are built into the guard); and the council's case references as the manager describes them.</summary>
    public async Task<GuardRules> RulesAsync(CancellationToken cancellationToken = default)
    {
        var approved = await db.Set<ApprovedName>().AsNoTracking().Select(n => new { n.Name, n.IsPerson }).ToListAsync(cancellationToken);
        var settings = await db.Set<GuardSettings>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var councilWords = council.Value.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new(new ApprovedNames(approved.Where(n => n.IsPerson).Select(n => n.Name),
                [.. approved.Where(n => !n.IsPerson).Select(n => n.Name), council.Value.Name, .. councilWords],
                [council.Value.ContactEmail, council.Value.Website, council.Value.ContactPhone]),
            CaseReferences.FromShapes(settings?.CaseReferenceShapes));
    }

    /// <summary>Overrides hold for the finding wherever it stands: the board version and the public report share
    /// one decision; the children's summary has its own.</summary>
    public async Task<Dictionary<string, GuardOverride>> OverridesAsync(int year, Audience audience, CancellationToken cancellationToken = default)
    {
        var report = audience != Audience.Children;
        var found = await db.Set<GuardOverride>().AsNoTracking()
            .Where(o => o.YearStart == year && (report ? o.Audience != Audience.Children : o.Audience == Audience.Children)).ToListAsync(cancellationToken);
        return found.GroupBy(o => o.FindingKey).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Utc).First());
    }

    public async Task<IReadOnlyList<Release>> ReleasesAsync(int year, CancellationToken cancellationToken = default) =>
        await db.Set<Release>().AsNoTracking().Where(r => r.YearStart == year).OrderBy(r => r.Audience).ThenByDescending(r => r.Number)
            .Select(r => new Release { Id = r.Id, YearStart = r.YearStart, Audience = r.Audience, Number = r.Number, MeetingDate = r.MeetingDate, PublishedUtc = r.PublishedUtc,
                PublishedByName = r.PublishedByName, ChangeNote = r.ChangeNote, ReportVersion = r.ReportVersion, PdfProblem = r.PdfProblem })
            .ToListAsync(cancellationToken);

    public string Title(int year) => $"{council.Value.Name}: Independent Reviewing Officer annual report {ReportingYear.Name(year)}";

    private string Title(int year, Audience audience) => Title(year) + (audience == Audience.Board ? ", board version" : "");

    /// <summary>Publishes the approved report to the board or the public, if the privacy guard has nothing outstanding.</summary>
    public async Task<PublishResult> PublishReportAsync(int year, Audience audience, DateOnly? meetingDate, string changeNote, string by, CancellationToken cancellationToken = default)
    {
        if (await reports.FindAsync(year, cancellationToken) is not { } report)
            return new(null, $"The report for {ReportingYear.Name(year)} is not approved, so it cannot be published. Approve it first.");
        var state = await CheckAsync(report, audience, cancellationToken);
        if (state.Outstanding > 0)
            return new(null, $"The privacy guard has {state.Outstanding} finding{(state.Outstanding == 1 ? "" : "s")} to deal with before this can be published.");
        var subtitle = audience == Audience.Board
            ? $"Board version for the corporate parenting board meeting on {UkTime.Format(meetingDate!.Value)}"
            : $"Published {UkTime.Format(UkTime.Today(clock))}";
        var print = await printer.PrintAsync(Title(year), subtitle, state.Draft.Sections, cancellationToken);
        if (print.Pdf is not null && PdfProblem(ReleaseComposer.ReadPdf(print.Pdf, state.Draft.Sections, state.Rules), state.Overrides) is { } problem)
            return new(null, problem);
        var release = new Release
        {
            YearStart = year, Audience = audience, MeetingDate = meetingDate, ReportVersion = report.Version,
            Sections = ReleaseSection.Write(state.Draft.Sections), Pdf = print.Pdf, PdfProblem = print.Problem, Workbook = state.Draft.Workbook,
        };
        return await SaveAsync(release, changeNote, by, cancellationToken);
    }

    /// <summary>Stores a frozen release as the next number for its year and audience; what follows depends on who it is for.</summary>
    public async Task<PublishResult> SaveAsync(Release release, string changeNote, string by, CancellationToken cancellationToken = default)
    {
        release.Id = Guid.CreateVersion7();
        release.Number = 1 + (await db.Set<Release>().Where(r => r.YearStart == release.YearStart && r.Audience == release.Audience)
            .Select(r => (int?)r.Number).MaxAsync(cancellationToken) ?? 0);
        release.PublishedUtc = clock.GetUtcNow().UtcDateTime;
        release.PublishedByName = by;
        release.ChangeNote = changeNote.Trim();
        db.Add(release);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new(null, "Someone else published this at the same moment. Look at the list of what is published and try again if it is still needed.");
        }
        await audit.RecordAsync($"Published the {AudienceName(release.Audience)}", $"{ReportingYear.Name(release.YearStart)}, version {release.Number}", cancellationToken: cancellationToken);
        if (release.Audience == Audience.Board)
            await (services.GetService<IJobTrigger>()?.RunSoonAsync(BoardReminders.PublishedKey, cancellationToken) ?? Task.CompletedTask);
        else
            await cache.PublishedAsync(release.Id, cancellationToken);
        return new(release, null);
    }

    /// <summary>What stops the PDF as printed from being published: it is read like the page, and nothing the page
    /// did not already clear may stand in it.</summary>
    private static string? PdfProblem(IReadOnlyList<GuardFinding> findings, IReadOnlyDictionary<string, GuardOverride> overrides)
    {
        var outstanding = Checked(findings, overrides).Where(f => f.Outstanding).Select(f => f.Finding).ToList();
        if (outstanding.Count == 0) return null;
        if (outstanding.FirstOrDefault(f => f.Effect == FindingEffect.Unreadable) is { } unreadable)
            return $"Nothing was published: the privacy guard could not read the PDF as printed, so it cannot say the PDF is safe. {unreadable.Text}";
        return "Nothing was published: the privacy guard found in the PDF as printed " + string.Join("; ", outstanding.Select(f => $"\u201c{f.Text}\u201d ({f.Kind}) in {f.Where}, {string.Join(", ", f.Seen)}"))
            + ". Correct the report, or deal with each finding, and publish again.";
    }

    public static string AudienceName(Audience audience) => audience switch
    {
        Audience.Board => "board version",
        Audience.Public => "public report",
        _ => "children's summary",
    };
}
