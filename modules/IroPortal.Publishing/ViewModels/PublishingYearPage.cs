using IroPortal.AnnualReport.Contracts;
using IroPortal.Modularity.Forms;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;

namespace IroPortal.Publishing.ViewModels;

public sealed record PublishingYearPage(int Year, ApprovedReport? Report, IReadOnlySet<Guid> BoardOnly, GuardState? BoardGuard, GuardState? PublicGuard,
    IReadOnlyList<Release> Releases, PublishBoardForm Board, PublishPublicForm Public, bool PdfAvailable, IReadOnlyList<GroupedFinding> Findings);
