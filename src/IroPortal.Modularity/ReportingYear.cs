namespace IroPortal.Modularity;

/// <summary>Councils report on the financial year, 1 April to 31 March, named here by the year it starts
/// (2025 is April 2025 to March 2026).</summary>
public static class ReportingYear
{
    public static int Containing(DateOnly day) => day.Month >= 4 ? day.Year : day.Year - 1;
    public static DateOnly Start(int year) => new(year, 4, 1);
    public static DateOnly End(int year) => new(year + 1, 3, 31);
    public static string Name(int year) => $"April {year} to March {year + 1}";
    /// <summary>"2025–26", as tables of several years head their columns.</summary>
    public static string ShortName(int year) => $"{year}\u2013{(year + 1) % 100:00}";
}
