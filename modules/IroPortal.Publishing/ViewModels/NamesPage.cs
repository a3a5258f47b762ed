using IroPortal.Modularity.Forms;
using IroPortal.Publishing.Models;

namespace IroPortal.Publishing.ViewModels;

public sealed record NamesPage(IReadOnlyList<ApprovedName> Names, CaseReferencesForm Form, GuardSettings? Settings);
