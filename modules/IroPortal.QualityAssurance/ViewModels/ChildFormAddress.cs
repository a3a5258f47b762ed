using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;

namespace IroPortal.QualityAssurance.ViewModels;

public sealed record ChildFormAddress(ChildFormVersion Version, string Address);
