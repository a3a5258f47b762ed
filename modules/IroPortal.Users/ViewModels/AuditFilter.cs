using System.Globalization;
using CsvFile = IroPortal.Modularity.Csv;

namespace IroPortal.Users.ViewModels;

/// <param name="From">A day (yyyy-mm-dd), UK time; a date that is not one is ignored and said so.</param>
public sealed record AuditFilter(string? Type = null, string? Person = null, string? From = null, string? To = null)
{
    public DateOnly? FromDate => Day(From);
    public DateOnly? ToDate => Day(To);
    public bool HasBadDate => (From is { Length: > 0 } && FromDate is null) || (To is { Length: > 0 } && ToDate is null);

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public object Route(int? page = null) => new { Type, Person, From, To, page };
}
