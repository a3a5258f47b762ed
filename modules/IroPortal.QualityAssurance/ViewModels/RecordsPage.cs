using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed record RecordsPage(IReadOnlyList<Observation> Observations, IReadOnlyList<CaseFileAudit> Audits, IReadOnlyDictionary<Guid, string> Iros)
{
    public string IroName(Guid id) => Iros.GetValueOrDefault(id, "Former IRO");
}
