using IroPortal.Users.Models;

namespace IroPortal.Users.ViewModels;

public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, AuditFilter Filter, IReadOnlyList<string> EventTypes, int Page, bool HasNextPage);
