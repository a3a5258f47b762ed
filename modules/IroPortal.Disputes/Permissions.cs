using IroPortal.Modularity.Permissions;

namespace IroPortal.Disputes;

public sealed class DisputePermissions : IPermissionProvider
{
    /// <summary>Record your own escalations and take them through the stages.</summary>
    public const string Record = "Disputes.Record";
    /// <summary>See every IRO's escalations, with themes and timeliness.</summary>
    public const string ViewAll = "Disputes.ViewAll";
    /// <summary>Set the council's formal stages and their timescales.</summary>
    public const string Configure = "Disputes.Configure";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(Record, "Record escalations", "Dispute resolution", "Record concerns you raise about a child's case (by case reference) and take them through the stages. You see only your own."),
        new(ViewAll, "See all escalations", "Dispute resolution", "See every IRO's escalations, with themes by category, the stage reached, time to resolution and the share resolved within timescale."),
        new(Configure, "Set the dispute resolution stages", "Dispute resolution", "Name the council's formal stages and set each one's response timescale in working days."),
    ];

    public IEnumerable<DefaultGrant> GetDefaultGrants() =>
    [
        new(PortalRoles.Iro, Record),
        new(PortalRoles.IroManager, Record, ViewAll, Configure),
    ];
}
