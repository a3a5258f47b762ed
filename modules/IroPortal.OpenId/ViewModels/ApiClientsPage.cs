using IroPortal.Modularity.Api;
using IroPortal.Modularity.Forms;
using IroPortal.OpenId.Services;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace IroPortal.OpenId.ViewModels;

public sealed record ApiClientsPage(IReadOnlyList<ApiClient> Clients, IReadOnlyList<ApiScope> Scopes, RegisterForm Form, int TokenMinutes)
{
    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ScopeChoices => Scopes.Select(s => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem($"{s.Title} ({s.Name})", s.Name));
}
