using IroPortal.Modularity.Api;
using IroPortal.Modularity.Forms;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace IroPortal.OpenId.ViewModels;

public sealed record ApiReferencePage(IReadOnlyList<ApiReferenceEntry> Endpoints, IReadOnlyList<ApiScope> Scopes, string PortalAddress);
