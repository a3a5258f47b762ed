using IroPortal.Modularity.Forms;
using IroPortal.Performance.Models;

namespace IroPortal.Performance.ViewModels;

public sealed record ImportPage(ReturnImport Import, bool Interrupted);
