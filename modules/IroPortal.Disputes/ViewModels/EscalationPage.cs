using IroPortal.Disputes.Models;
using IroPortal.Modularity.Forms;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace IroPortal.Disputes.ViewModels;

public sealed record EscalationPage(Escalation Escalation, DateOnly Today, bool IsOwner, ResponseForm Response, EscalateForm Escalate, CloseForm Close, IReadOnlyList<SelectListItem> NextStages);
