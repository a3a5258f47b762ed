using IroPortal.Modularity.Permissions;

namespace IroPortal.Publishing;

public sealed class PublishingPermissions : IPermissionProvider
{
    /// <summary>Run the privacy guard, mark board-only parts, publish to the board and the public, write the children's summary, answer the board.</summary>
    public const string Publish = "Publishing.Publish";
    /// <summary>Read the board version and download the board pack.</summary>
    public const string ReadBoard = "Publishing.ReadBoard";
    /// <summary>Ask questions against the board version's sections.</summary>
    public const string AskQuestions = "Publishing.AskQuestions";
    /// <summary>Record the board's formal resolution on the report.</summary>
    public const string RecordResolution = "Publishing.RecordResolution";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(Publish, "Publish the annual report", "Publishing",
            "Check the report with the privacy guard, mark parts board-only, publish the board version and the public report, write and publish the children's summary, answer the board's questions."),
        new(ReadBoard, "Read the board version", "Publishing", "Read the board version of the annual report, with its board-only parts, and download the board pack."),
        new(AskQuestions, "Ask the board's questions", "Publishing", "Ask questions against a section of the board version."),
        new(RecordResolution, "Record the board's resolution", "Publishing", "Record what the board resolved on the report, with the meeting date."),
    ];

    public IEnumerable<DefaultGrant> GetDefaultGrants() =>
    [
        new(PortalRoles.IroManager, Publish, ReadBoard, RecordResolution),
        new(PortalRoles.BoardMember, ReadBoard, AskQuestions),
        new(PortalRoles.SeniorManager, ReadBoard),
        new(PortalRoles.BoardClerk, ReadBoard, RecordResolution),
    ];
}
