using IroPortal.Users.Models;
using Microsoft.AspNetCore.Identity;

namespace IroPortal.Users.Services;

/// <summary>
/// Checks authenticator codes and accepts each one once only: the accepted time step is stored on the user,
/// and a code from that step or an earlier one is refused. Two sign-ins racing with one code cannot both
/// win, because the user's concurrency stamp lets only one save succeed.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string ProviderName = "SingleUseAuthenticator";

    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) =>
        Task.FromResult(string.Empty); // the user's authenticator app makes the codes

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key)) return false;
        var step = Totp.Match(Totp.FromBase32(key), token, clock.GetUtcNow());
        if (step is null || step <= user.LastTotpTimeStep) return false;
        user.LastTotpTimeStep = step;
        return (await manager.UpdateAsync(user)).Succeeded;
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
}
