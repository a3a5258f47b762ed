using IroPortal.Contributions.Models;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Modularity.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Contributions.Services;

/// <summary>IROs' contributions to the annual report mention children's cases only by mistake, but they may, so they
/// are searched and kept to a period like everything else. The report frozen at approval keeps its own copy.</summary>
internal sealed class ContributionPersonalData(PortalDbContext db) : IRetentionSource, IPersonalDataSource
{
    private const string Contributions = "contributions.contributions", Kind = "Contribution to the annual report";

    public string Name => "Contributions";

    public IReadOnlyList<RetainedKind> Kinds { get; } =
    [
        new(Contributions, "IROs' contributions", "What each IRO wrote for the annual report (good practice, themes, concerns, children's voices, training) and the manager's comments.",
            "From the end of the reporting year they were written for", 2190, Disposal.Anonymised,
            "the words are deleted; the caseload and reviews figures stay. Approved reports keep what they printed."),
    ];

    public Task<int> CountPastAsync(string kind, DateTime cutoffUtc, CancellationToken cancellationToken = default) =>
        kind == Contributions ? Past(cutoffUtc).CountAsync(cancellationToken) : Task.FromResult(0);

    public async Task<int> DisposeAsync(string kind, DateTime cutoffUtc, CancellationToken cancellationToken = default) =>
        kind == Contributions ? await Clear(await Past(cutoffUtc).Select(c => c.Id).ToListAsync(cancellationToken), cancellationToken) : 0;

    public async Task<IReadOnlyList<PersonalRecord>> FindAsync(PersonalDataQuery query, CancellationToken cancellationToken = default)
    {
        var t = query.Lower;
        var found = await db.Set<Contribution>().AsNoTracking()
            .Where(c => c.FiguresChangeReason.ToLower().Contains(t) || c.GoodPractice.ToLower().Contains(t) || c.Themes.ToLower().Contains(t) || c.ConcernsRaised.ToLower().Contains(t)
                || c.ChildrenVoices.ToLower().Contains(t) || c.TrainingReceived.ToLower().Contains(t) || c.TrainingNeeded.ToLower().Contains(t) || c.Improvements.ToLower().Contains(t)
                || c.ManagerComments.ToLower().Contains(t))
            .Join(db.Set<ContributionRound>(), c => c.RoundId, r => r.Id, (c, r) => new { c, r.YearStart })
            .ToListAsync(cancellationToken);
        return found.Select(x => new PersonalRecord(Kind, x.c.Id.ToString(), $"{x.c.IroName}, {ReportingYear.Name(x.YearStart)}", x.c.UpdatedUtc,
            new (string Label, string Value)[]
            {
                ("Why the figures changed", x.c.FiguresChangeReason), ("Good practice", x.c.GoodPractice), ("Themes", x.c.Themes), ("Concerns raised", x.c.ConcernsRaised),
                ("Children's voices", x.c.ChildrenVoices), ("Training received", x.c.TrainingReceived), ("Training needed", x.c.TrainingNeeded),
                ("Improvements", x.c.Improvements), ("The manager's comments", x.c.ManagerComments),
            }.Where(f => f.Value.Length > 0).Select(f => new PersonalField(f.Label, f.Value)).ToList(),
            "Every word of the contribution is deleted; its figures stay. An approved report keeps what it printed.")).ToList();
    }

    public async Task<bool> EraseAsync(PersonalDataQuery query, string kind, string id, CancellationToken cancellationToken = default) =>
        kind == Kind && Guid.TryParse(id, out var key) && await Clear([key], cancellationToken) > 0;

    /// <summary>Contributions for reporting years that ended before the cut-off.</summary>
    private IQueryable<Contribution> Past(DateTime cutoffUtc)
    {
        var lastEnded = ReportingYear.Containing(UkTime.DateOf(cutoffUtc)) - 1;
        var rounds = db.Set<ContributionRound>().Where(r => r.YearStart <= lastEnded).Select(r => r.Id);
        return db.Set<Contribution>().Where(c => rounds.Contains(c.RoundId) && (c.FiguresChangeReason != "" || c.GoodPractice != "" || c.Themes != "" || c.ConcernsRaised != ""
            || c.ChildrenVoices != "" || c.TrainingReceived != "" || c.TrainingNeeded != "" || c.Improvements != "" || c.ManagerComments != ""));
    }

    private Task<int> Clear(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        db.Set<Contribution>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.FiguresChangeReason, "").SetProperty(c => c.GoodPractice, "").SetProperty(c => c.Themes, "").SetProperty(c => c.ConcernsRaised, "")
            .SetProperty(c => c.ChildrenVoices, "").SetProperty(c => c.TrainingReceived, "").SetProperty(c => c.TrainingNeeded, "").SetProperty(c => c.Improvements, "")
            .SetProperty(c => c.ManagerComments, "").SetProperty(c => c.Version, Guid.NewGuid()), cancellationToken);
}
