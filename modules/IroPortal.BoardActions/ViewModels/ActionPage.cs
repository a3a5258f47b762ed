using IroPortal.BoardActions.Models;
using IroPortal.Modularity.Forms;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace IroPortal.BoardActions.ViewModels;

public sealed record ActionPage(BoardAction Action, DateOnly Today, bool CanUpdate, bool CanManage, UpdateForm Update, ActionForm Edit,
    IReadOnlyList<SelectListItem> Owners, IReadOnlyList<SelectListItem> Sections);
