using IroPortal.Modularity.Forms;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace IroPortal.OpenId.ViewModels;

public sealed record ApiReferenceEntry(string Method, string Path, IReadOnlyList<string> Scopes, string Summary, string Description, IReadOnlyList<int> Statuses);
