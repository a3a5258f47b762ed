namespace IroPortal.AnnualReport.Services;

public sealed record OutlineSection(string Key, string Title, string Starter);

/// <summary>The standard outline of an IRO annual report (domain.md, after the Handbook 7.11-7.12), each
/// section with a starting prompt and the figures that belong there.</summary>
public static class ReportOutline
{
    public const string PrioritiesNext = "priorities-next";
    public const string ProgressLast = "progress-last";

    public static readonly IReadOnlyList<OutlineSection> Standard =
    [
        new("summary", "Summary", "### What is working well\n\n### What worries us\n\n### Where urgent action is needed\n"),
        new("purpose", "Purpose and legal context", "The IRO service's duties come from the Children Act 1989, the Care Planning, Placement and Case Review (England) Regulations 2010 and the IRO Handbook (2010). This report is made under paragraphs 7.11 and 7.12 of the Handbook.\n"),
        new("service", "The IRO service", "Staffing, full-time equivalents, and caseloads against the Handbook's 50 to 70 children per IRO.\n\n{{figures:caseloads}}\n\n{{figures:trend-caseloads}}\n"),
        new("children", "Children looked after", "{{figures:looked-after}}\n\n{{figures:trend-looked-after}}\n\n{{figures:children-age}}\n\n{{figures:children-gender}}\n\n{{figures:children-ethnicity}}\n\n{{figures:children-legal-status}}\n\n{{figures:children-placement}}\n\n{{figures:children-distance}}\n\n{{figures:children-uasc}}\n"),
        new("reviews", "Reviews and timeliness", "{{figures:review-timeliness}}\n\n{{figures:trend-reviews-on-time}}\n"),
        new("participation", "Children's participation", "{{figures:participation}}\n\n{{figures:trend-participation}}\n"),
        new("monitoring", "Monitoring between reviews", ""),
        new("disputes", "Dispute resolution and escalations", ""),
        new("voices", "What children, parents, carers and professionals told us", "{{figures:feedback}}\n"),
        new("quality", "Quality assurance findings", "{{figures:qa-compliance}}\n\n{{figures:qa-grades}}\n"),
        new("good-practice", "Good practice", ""),
        new("development", "Issues for development and where urgent action is needed", ""),
        new(ProgressLast, "Progress on last year's priorities", ""),
        new(PrioritiesNext, "Priorities for next year", "Write each priority as an item in a list (start the line with \"- \"); next year's report carries each one over for an update.\n"),
    ];
}

/// <summary>What may happen to a report, and when. An approved report goes back to draft only to be corrected.</summary>
public static class ReportWorkflow
{
    public static bool CanMove(Models.ReportStatus from, Models.ReportStatus to) => (from, to) switch
    {
        (Models.ReportStatus.Draft, Models.ReportStatus.InReview) => true,
        (Models.ReportStatus.InReview, Models.ReportStatus.Draft) => true,
        (Models.ReportStatus.InReview, Models.ReportStatus.Approved) => true,
        (Models.ReportStatus.Approved, Models.ReportStatus.Draft) => true, // reopened for a correction
        _ => false,
    };

    public static bool CanEdit(Models.ReportStatus status) => status != Models.ReportStatus.Approved;

    public static bool CanComment(Models.ReportStatus status) => status == Models.ReportStatus.InReview;

    public static string Name(Models.ReportStatus status) => status switch
    {
        Models.ReportStatus.Draft => "Draft",
        Models.ReportStatus.InReview => "In review",
        Models.ReportStatus.Approved => "Approved",
        _ => status.ToString(),
    };

    public static string Tag(Models.ReportStatus status) => status switch
    {
        Models.ReportStatus.Draft => "govuk-tag--blue",
        Models.ReportStatus.InReview => "govuk-tag--yellow",
        _ => "govuk-tag--green",
    };
}
