using IroPortal.Modularity.PersonalData;
using IroPortal.Users.Contracts;

namespace IroPortal.DataProtection.Services;

public sealed record FoundRecords(string Module, IReadOnlyList<PersonalRecord> Records);

public sealed record SearchResult(PersonalDataQuery Query, IReadOnlyList<FoundRecords> Modules, DateTime AtUtc)
{
    public int Count => Modules.Sum(m => m.Records.Count);
}

/// <summary>Asks every module for the records that mention a case reference, a child's identifier or an email address.
/// The audit trail records who searched and which records were found, never the term itself: a child's identifier is
/// kept only as a keyed hash, and the trail must not become a copy of it.</summary>
public sealed class PersonalDataSearch(IEnumerable<IPersonalDataSource> sources, IAuditTrail audit, TimeProvider clock)
{
    public const int ShortestTerm = 3;

    public async Task<SearchResult> FindAsync(PersonalDataQuery query, CancellationToken cancellationToken = default)
    {
        var found = new List<FoundRecords>();
        foreach (var source in sources.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var records = await source.FindAsync(query, cancellationToken);
            if (records.Count > 0) found.Add(new FoundRecords(source.Name, records));
        }
        return new SearchResult(query, found, clock.GetUtcNow().UtcDateTime);
    }

    public async Task<SearchResult> SearchAsync(PersonalDataQuery query, CancellationToken cancellationToken = default)
    {
        var result = await FindAsync(query, cancellationToken);
        await audit.RecordAsync(AuditEvents.PersonalDataSearched, Summary(result), cancellationToken: cancellationToken);
        return result;
    }

    public async Task<SearchResult> ExportAsync(PersonalDataQuery query, string format, CancellationToken cancellationToken = default)
    {
        var result = await FindAsync(query, cancellationToken);
        await audit.RecordAsync(AuditEvents.PersonalDataExported, $"As {format}: " + Summary(result), cancellationToken: cancellationToken);
        return result;
    }

    /// <returns>The record erased, or null when it is no longer found for this search (already erased, say).</returns>
    public async Task<PersonalRecord?> EraseAsync(PersonalDataQuery query, string module, string kind, string id, string reason, CancellationToken cancellationToken = default)
    {
        var source = sources.FirstOrDefault(s => s.Name == module);
        if (source is null) return null;
        var record = (await source.FindAsync(query, cancellationToken)).FirstOrDefault(r => r.Kind == kind && r.Id == id);
        if (record?.Erase is null) return null;
        if (!await source.EraseAsync(query, kind, id, cancellationToken)) return null;
        await audit.RecordAsync(AuditEvents.PersonalDataErased, $"{module}: {kind} {id} ({record.Erase}) Reason: {reason}", cancellationToken: cancellationToken);
        return record;
    }

    public async Task<PersonalRecord?> FindOneAsync(PersonalDataQuery query, string module, string kind, string id, CancellationToken cancellationToken = default)
    {
        var source = sources.FirstOrDefault(s => s.Name == module);
        return source is null ? null : (await source.FindAsync(query, cancellationToken)).FirstOrDefault(r => r.Kind == kind && r.Id == id);
    }

    private static string Summary(SearchResult result) => result.Count == 0
        ? "Nothing found."
        : $"{result.Count} record(s): " + string.Join("; ", result.Modules.Select(m => $"{m.Module}: " + string.Join(", ", m.Records.Select(r => $"{r.Kind} {r.Id}"))));
}
