using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed record ChildrensFormPage(IReadOnlyList<ChildFormAddress> Addresses, IReadOnlyList<ChildLanguage> Languages);
