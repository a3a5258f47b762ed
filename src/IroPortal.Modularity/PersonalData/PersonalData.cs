using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Modularity.PersonalData;

// Each module says what it keeps about people, for how long, and how to find, export and erase it; the data
// protection module runs the disposal, the search and the erasure over all of them. A module never reaches into
// another's tables for this: it offers its own records, as it offers figures to the annual report.

public enum Disposal
{
    /// <summary>The record goes.</summary>
    Deleted,
    /// <summary>What could identify anyone goes; what the figures count stays.</summary>
    Anonymised,
}

/// <summary>A kind of record a module keeps, with its retention period.</summary>
/// <param name="Key">Stable: it names the kind in the settings and the disposal log ("qa.feedback-answers").</param>
/// <param name="Held">What is held, in a sentence the administrator and the DPO understand.</param>
/// <param name="From">When the period starts ("after the answer was received").</param>
/// <param name="DefaultDays">The documented default, in days.</param>
/// <param name="WhatHappens">What disposal does, in a sentence ("the words are deleted; the ratings stay in the figures").</param>
public sealed record RetainedKind(string Key, string Name, string Held, string From, int DefaultDays, Disposal Disposal, string WhatHappens);

/// <summary>A module's records past their retention period: counted for the administrator's preview, then disposed of.
/// Registered as a scoped service. Both calls take the same cut-off: what started before it is past its period.</summary>
public interface IRetentionSource
{
    /// <summary>The module's name, as the retention page groups its kinds.</summary>
    string Name { get; }

    IReadOnlyList<RetainedKind> Kinds { get; }

    Task<int> CountPastAsync(string kind, DateTime cutoffUtc, CancellationToken cancellationToken = default);

    /// <returns>How many records were deleted or anonymised.</returns>
    Task<int> DisposeAsync(string kind, DateTime cutoffUtc, CancellationToken cancellationToken = default);
}

/// <summary>What is searched for: a case reference, a child's identifier from the return, or a person's email address,
/// as typed. Each source matches it against whatever it holds.</summary>
public sealed record PersonalDataQuery(string Term)
{
    public string Trimmed => Term.Trim();
    /// <summary>For "mentions": sources compare lower case with lower case, the same way on SQLite and PostgreSQL.</summary>
    public string Lower => Trimmed.ToLowerInvariant();
    public bool LooksLikeEmail => Trimmed.Contains('@');
}

public sealed record PersonalField(string Label, string Value);

/// <summary>One record that mentions the person, as a subject access request shows it.</summary>
/// <param name="Kind">What it is ("Observation of practice").</param>
/// <param name="Id">The module's own id for it, given back to <see cref="IPersonalDataSource.EraseAsync"/>.</param>
/// <param name="Erase">What erasing it does, or null where it cannot be erased here (and <paramref name="Why"/> says why).</param>
public sealed record PersonalRecord(string Kind, string Id, string Title, DateTime? WhenUtc, IReadOnlyList<PersonalField> Fields, string? Erase, string? Why = null);

/// <summary>A module's records that mention a person. Registered as a scoped service.</summary>
public interface IPersonalDataSource
{
    /// <summary>The module's name, as the search results group them.</summary>
    string Name { get; }

    Task<IReadOnlyList<PersonalRecord>> FindAsync(PersonalDataQuery query, CancellationToken cancellationToken = default);

    /// <summary>Erases one of the records <see cref="FindAsync"/> gave for this query: deletes it, or removes what
    /// identifies anyone from it while the figures keep what they count. False when it is not found (or not erasable).</summary>
    Task<bool> EraseAsync(PersonalDataQuery query, string kind, string id, CancellationToken cancellationToken = default);
}

public static class RetentionPeriods
{
    /// <summary>"730 days (about 2 years)": the administrator sets days, people think in months and years.</summary>
    public static string Describe(int days) => days switch
    {
        1 => "1 day",
        < 60 => $"{days} days",
        < 730 => $"{days} days (about {Math.Round(days / 30.44)} months)",
        _ => $"{days} days (about {Math.Round(days / 365.25, 1):0.#} years)",
    };
}

public static class PersonalDataServices
{
    /// <summary>Registers a module's class that keeps records about people, as both a retention source and a personal-data source.</summary>
    public static void AddPersonalData<T>(this IServiceCollection services) where T : class, IRetentionSource, IPersonalDataSource
    {
        services.AddScoped<T>();
        services.AddScoped<IRetentionSource>(p => p.GetRequiredService<T>());
        services.AddScoped<IPersonalDataSource>(p => p.GetRequiredService<T>());
    }
}
