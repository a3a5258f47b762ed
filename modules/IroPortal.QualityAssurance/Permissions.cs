using IroPortal.Modularity.Permissions;

namespace IroPortal.QualityAssurance;

public sealed class QaPermissions : IPermissionProvider
{
    /// <summary>Everything in quality assurance, for every IRO.</summary>
    public const string Manage = "QualityAssurance.Manage";
    /// <summary>An IRO's own observations, audits, actions and feedback about them.</summary>
    public const string ViewOwn = "QualityAssurance.ViewOwn";
    /// <summary>Make feedback links; an IRO may make them only for their own reviews.</summary>
    public const string RequestFeedback = "QualityAssurance.RequestFeedback";
    /// <summary>Read urgent messages (feedback that suggests a child may be at risk) and record what was done.</summary>
    public const string Urgent = "QualityAssurance.Urgent";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(Manage, "Run quality assurance for every IRO", "Quality assurance",
            "Observations, case-file audits, feedback, actions, standards, the compliance board and its export."),
        new(ViewOwn, "See their own quality assurance", "Quality assurance",
            "Their own observations, audits, actions and feedback about them; add their reflection."),
        new(RequestFeedback, "Ask for feedback on their own reviews", "Quality assurance",
            "Make single-use feedback links for children, parents, carers, professionals, agencies and guardians."),
        new(Urgent, "Read and act on urgent messages", "Quality assurance",
            "Feedback whose words suggest a child may be at risk, or that asks for contact: read it, acknowledge it and record what was done. Every reading is audited."),
    ];

    public IEnumerable<DefaultGrant> GetDefaultGrants() =>
    [
        new(PortalRoles.IroManager, Manage, RequestFeedback, Urgent),
        new(PortalRoles.SeniorManager, Urgent),
        new(PortalRoles.Iro, ViewOwn, RequestFeedback),
    ];
}
