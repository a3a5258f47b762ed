using IroPortal.Modularity.Api;

namespace IroPortal.Performance;

public sealed class PerformanceScopes : IApiScopeProvider
{
    public const string ReturnsWrite = "returns.write";
    public const string FiguresRead = "figures.read";

    public IEnumerable<ApiScope> GetScopes() =>
    [
        new(ReturnsWrite, "Send the SSDA903 return", "Push a reporting year's SSDA903 return and the IRO allocation list: the same checks as the manager's upload, and the year's data replaced whole or not at all."),
        new(FiguresRead, "Read the year's figures", "Read a reporting year's review figures as JSON (timeliness, participation, caseloads), for the council's BI tools."),
    ];
}
