using IroPortal.DataProtection.Services;
using IroPortal.Modularity.Forms;
using IroPortal.Modularity.PersonalData;

namespace IroPortal.DataProtection.ViewModels;

public sealed record RetentionPage(RetentionState State, DisposalPreview Preview, IReadOnlyList<Models.DisposalRun> Runs, IReadOnlyDictionary<string, string>? Typed)
{
    public string Value(RetentionLine line) => Typed?.GetValueOrDefault(line.Kind.Key) ?? line.Days.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string Describe(int days) => RetentionPeriods.Describe(days);
}
