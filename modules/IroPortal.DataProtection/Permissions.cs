using IroPortal.Modularity.Permissions;

namespace IroPortal.DataProtection;

public sealed class DataProtectionPermissions : IPermissionProvider
{
    /// <summary>Set how long each kind of record is kept, preview and confirm the disposal, read its log.</summary>
    public const string ManageRetention = "DataProtection.ManageRetention";
    /// <summary>Find every record that mentions a case, a child or a person; export it for a subject access request; erase it.</summary>
    public const string FindPersonalData = "DataProtection.FindPersonalData";
    /// <summary>Edit the privacy notices and the accessibility statement.</summary>
    public const string EditStatements = "DataProtection.EditStatements";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageRetention, "Set retention periods and run disposal", "Data protection",
            "Set how long each kind of record is kept, see what the disposal job would remove, confirm it, and read the log of every run."),
        new(FindPersonalData, "Find, export and erase what is held about a person", "Data protection",
            "Search every module for a case reference, a child's identifier or an email address, export what is found for a subject access request, and erase it with a reason."),
        new(EditStatements, "Edit the privacy notices and the accessibility statement", "Data protection",
            "Change the words of the privacy notices on feedback forms and of the accessibility statement."),
    ];

    public IEnumerable<DefaultGrant> GetDefaultGrants() =>
    [
        new(PortalRoles.Administrator, ManageRetention, FindPersonalData, EditStatements),
        new(PortalRoles.IroManager, FindPersonalData),
    ];
}
