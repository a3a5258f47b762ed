using IroPortal.Modularity.Navigation;
using IroPortal.DataProtection.Contracts;

namespace IroPortal.DataProtection;

public sealed class AdminMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new(MenuSections.Settings, "Retention and disposal", DataProtectionRoutes.Retention, DataProtectionPermissions.ManageRetention, "How long each kind of record is kept, and what the disposal job removes.", 60),
        new(MenuSections.Settings, "Find personal data", DataProtectionRoutes.PersonalData, DataProtectionPermissions.FindPersonalData, "Every record that mentions a case, a child or a person: export it for a subject access request, or erase it.", 61),
        new(MenuSections.Settings, "Privacy notices and accessibility", DataProtectionRoutes.Statements, DataProtectionPermissions.EditStatements, "The words of the privacy notices on feedback forms and of the accessibility statement.", 62),
    ];
}
