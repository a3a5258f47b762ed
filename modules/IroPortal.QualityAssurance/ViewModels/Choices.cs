using IroPortal.Modularity;
using IroPortal.Modularity.Forms;
using IroPortal.QualityAssurance.Models;
using IroPortal.Users.Contracts;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace IroPortal.QualityAssurance.ViewModels;

public static class Choices
{
    public static IEnumerable<SelectListItem> Grades => Enum.GetValues<Grade>().Select(g => new SelectListItem(g.Name(), g.ToString()));
    public static IEnumerable<SelectListItem> Iros(IEnumerable<StaffMember> iros) => iros.Select(i => new SelectListItem(i.DisplayName, i.Id.ToString()));
    public static IEnumerable<SelectListItem> ChildVersions => Enum.GetValues<ChildFormVersion>().Select(v => new SelectListItem(v.Name(), v.ToString()));
    public static IEnumerable<SelectListItem> AuditAnswers => Enum.GetValues<AuditAnswerValue>().Select(a => new SelectListItem(a.Name(), a.ToString()));
}
