namespace IroPortal.Performance.Services;

/// <summary>The reporting years a return may be imported for, and chosen on the figures page: every year from the
/// earliest the portal takes, so that a council's older returns (and the public sample's 2015 to 2018) can be read.</summary>
public static class ReturnYears
{
    public const int Earliest = 2010;

    public static bool IsValid(int year, int currentYear) => year >= Earliest && year <= currentYear;

    /// <summary>Newest first, from the year running now back to <see cref="Earliest"/>.</summary>
    public static IEnumerable<int> Choosable(int currentYear) => Enumerable.Range(Earliest, Math.Max(0, currentYear - Earliest + 1)).Reverse();
}
