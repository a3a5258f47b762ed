using System.Security.Claims;
using IroPortal.Modularity;
using IroPortal.Users.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IroPortal.Users.Services;

/// <summary>Adds the user's name as people know it, for headers and greetings.</summary>
internal sealed class PortalClaimsFactory(UserManager<PortalUser> users, RoleManager<PortalRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, PortalRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
