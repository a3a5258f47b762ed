using IroPortal.Modularity.Forms;
using IroPortal.OpenId.Services;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace IroPortal.OpenId.ViewModels;

public sealed record SecretPage(IssuedSecret Issued, bool IsNew, string PortalAddress);
