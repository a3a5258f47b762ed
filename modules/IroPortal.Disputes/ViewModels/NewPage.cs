using IroPortal.Modularity.Forms;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace IroPortal.Disputes.ViewModels;

public sealed record NewPage(NewForm Form, IReadOnlyList<SelectListItem> Stages, IReadOnlyList<string>? PossibleNames);
